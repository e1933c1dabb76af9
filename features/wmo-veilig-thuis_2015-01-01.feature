# language: nl
Functionaliteit: Melding bij Veilig Thuis (meldcode, art. 4.1.1 Wmo 2015, I18)
  Bij een vermoeden van huiselijk geweld of kindermishandeling wordt gemeld. Opgroeien naast
  drugsproductie, wapens of geweld telt mee. De melding is nooit een hefboom in de handhaving.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Kinderen groeien op naast een hennepkwekerij
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P3 | 9        | kind |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P3       |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan is "I18" juridisch mogelijk

  Scenario: Huiselijk geweld
    Gegeven de bevindingen:
      | id | soort            | bron    |
      | F1 | huiselijk geweld | politie |
    Als de casus wordt beoordeeld
    Dan is "I18" juridisch mogelijk

  Scenario: Drugs in een woning zonder kinderen en zonder huiselijk geweld
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 44       |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1       |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan is "I18" juridisch niet mogelijk

  Scenario: De melding is geen hefboom tegen de sleutelfiguur
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
    En de bevindingen:
      | id | soort            | personen | bron    |
      | F1 | huiselijk geweld | P1       | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I18" het zorgpunt "geen-hefboom"

  Scenario: Zorggegevens gaan niet naar de handhaving
    Gegeven de bevindingen:
      | id | soort            | bron |
      | F1 | huiselijk geweld | zorg |
    Als de casus wordt beoordeeld
    Dan heeft "I18" het zorgpunt "zorggegevens-niet-naar-handhaving"
