# language: nl
Functionaliteit: Bestuurlijk gesprek, keukentafelgesprek of gezamenlijk huisbezoek
  Een gesprek met mensen uit het netwerk vraagt geen wettelijke drempel, maar geeft ook geen
  bevoegdheid om binnen te treden. De veiligheid van de medewerkers gaat voor.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Een persoon in het netwerk om mee te praten
    Gegeven de personen:
      | id | leeftijd | rol          |
      | P1 | 40       | sleutelfiguur |
    Als de casus wordt beoordeeld
    Dan is "I15" juridisch mogelijk
    En heeft "I15" het zorgpunt "geen-binnentreden-zonder-toestemming"
    En heeft "I15" niet het zorgpunt "veiligheid-professionals"

  Scenario: Niemand om mee in gesprek te gaan
    Gegeven de bevindingen:
      | id | soort    | bron  |
      | F1 | overlast | buren |
    Als de casus wordt beoordeeld
    Dan is "I15" juridisch niet mogelijk

  Scenario: Wapens in de casus: veiligheid van de medewerkers regelen
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de bevindingen:
      | id | soort  | personen | bron    |
      | F1 | wapens | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I15" juridisch mogelijk
    En heeft "I15" het zorgpunt "veiligheid-professionals"

  Scenario: Een zichtbaar huisbezoek is een signaal aan de buurt
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1       |
    Als de casus wordt beoordeeld
    Dan heeft "I15" het zorgpunt "signaal-naar-buurt"

  Scenario: In het gesprek geen informatie uit de zorg
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de bevindingen:
      | id | soort   | personen | bron |
      | F1 | signaal | P1       | zorg |
    Als de casus wordt beoordeeld
    Dan is "I15" juridisch mogelijk
    En heeft "I15" het zorgpunt "geen-zorggegevens"
