# language: nl
Functionaliteit: Barrièremodel
  Met het barrièremodel brengen gemeente en RIEC-partners het criminele bedrijfsproces in
  kaart en werpen zij barrières op bij huisvesting, geld, logistiek en vergunningen.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Een bedrijf van het netwerk
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de bedrijven:
      | id | soort  | eigenaren |
      | H1 | horeca | P1        |
    Als de casus wordt beoordeeld
    Dan is "I23" juridisch mogelijk
    En heeft "I23" het zorgpunt "weerbaarheidsscan"

  Scenario: Een witwassignaal
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    Als de casus wordt beoordeeld
    Dan is "I23" juridisch mogelijk
    En heeft "I23" het zorgpunt "doelbinding"
    En heeft "I23" niet het zorgpunt "weerbaarheidsscan"

  Scenario: Alleen overlast wijst niet op een crimineel bedrijfsproces
    Gegeven de bevindingen:
      | id | soort    | bron    |
      | F1 | overlast | politie |
    Als de casus wordt beoordeeld
    Dan is "I23" juridisch niet mogelijk

  Scenario: Een drugsbevinding uit de zorg draagt geen barrièremodel
    Gegeven de bevindingen:
      | id | soort | bron |
      | F1 | drugs | zorg |
    Als de casus wordt beoordeeld
    Dan is "I23" juridisch niet mogelijk

  Scenario: Koerierswerk voor het netwerk wijst op een crimineel bedrijfsproces
    Gegeven de bevindingen:
      | id | soort        | bron    |
      | F1 | koerierswerk | politie |
    Als de casus wordt beoordeeld
    Dan is "I23" juridisch mogelijk
