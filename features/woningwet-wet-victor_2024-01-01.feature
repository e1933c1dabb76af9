# language: nl
Functionaliteit: Beheerovername van een gesloten pand (Woningwet, Wet Victor)
  Na een daadwerkelijke sluiting mag het college het beheer van het pand overnemen, zodat het
  niet leeg blijft staan en het netwerk er niet terugkeert. Een voornemen tot sluiting is
  niet genoeg.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Gesloten huurwoning in de gemeente
    Gegeven de panden:
      | id | soort  | gemeente      | huur              |
      | W1 | woning | voorbeeldstad | particuliere huur |
    En de eerdere interventies:
      | id | soort                       | datum      | doelwit | uitgevoerd |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I25" juridisch mogelijk
    En heeft "I25" niet het zorgpunt "kosten-en-eigenaar"

  Scenario: Alleen een voornemen tot sluiting
    Gegeven de panden:
      | id | soort  | gemeente      | huur              |
      | W1 | woning | voorbeeldstad | particuliere huur |
    En de eerdere interventies:
      | id | soort                       | datum      | doelwit | uitgevoerd |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      | nee        |
    Als de casus wordt beoordeeld
    Dan is "I25" juridisch niet mogelijk

  Scenario: Het gesloten pand ligt in een andere gemeente
    Gegeven de panden:
      | id | soort  | gemeente     | huur              |
      | W1 | woning | buurgemeente | particuliere huur |
    En de eerdere interventies:
      | id | soort                       | datum      | doelwit | uitgevoerd |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I25" juridisch niet mogelijk

  Scenario: Onbekend of de sluiting is uitgevoerd
    Gegeven de panden:
      | id | soort  | gemeente      | huur              |
      | W1 | woning | voorbeeldstad | particuliere huur |
    En de eerdere interventies:
      | id | soort                       | datum      | doelwit |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      |
    Als de casus wordt beoordeeld
    Dan is "I25" juridisch onbekend

  Scenario: Gesloten koopwoning: kosten zijn moeilijk te verhalen
    Gegeven de panden:
      | id | soort  | gemeente      | huur     |
      | W1 | woning | voorbeeldstad | eigendom |
    En de eerdere interventies:
      | id | soort                          | datum      | doelwit | uitgevoerd |
      | S1 | I03-sluiting-174a-openbare-orde | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I25" juridisch mogelijk
    En heeft "I25" het zorgpunt "kosten-en-eigenaar"
