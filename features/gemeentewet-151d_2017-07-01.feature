# language: nl
Functionaliteit: Gedragsaanwijzing bij woonoverlast (art. 151d Gemeentewet, I04)
  Alleen als de APV een zorgplicht tegen woonoverlast bevat, en de hinder vanuit de woning
  ernstig en herhaald is, mag de burgemeester een gedragsaanwijzing geven.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Ernstige en herhaalde woonoverlast met een zorgplicht in de APV
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | ja                          |
    En de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
      | F2 | overlast | W1   | politie |         |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch mogelijk

  Scenario: Zonder zorgplicht in de APV geen bevoegdheid
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | nee                         |
    En de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
      | F2 | overlast | W1   | politie | ja      |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch niet mogelijk

  Scenario: Eén keer overlast is niet herhaald
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | ja                          |
    En de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch niet mogelijk

  Scenario: Herhaalde maar lichte overlast
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | ja                          |
    En de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | nee     |
      | F2 | overlast | W1   | politie | nee     |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch niet mogelijk

  Scenario: Onbekend of de APV een zorgplicht bevat
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
      | F2 | overlast | W1   | politie | ja      |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch onbekend
    En vraagt het advies "zorgplicht tegen woonoverlast"

  Scenario: Nog geen waarschuwing of gesprek: eerst lichtere middelen
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | ja                          |
    En de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
      | F2 | overlast | W1   | politie | ja      |
    Als de casus wordt beoordeeld
    Dan heeft "I04" het zorgpunt "subsidiariteit"
    En heeft "I04" het zorgpunt "waarschuwing-geen-besluit"

  Scenario: Een kwetsbare bewoner
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | ja                          |
    En de personen:
      | id | leeftijd | kwetsbaar |
      | P1 | 70       | ja        |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1       |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
      | F2 | overlast | W1   | politie | ja      |
    Als de casus wordt beoordeeld
    Dan heeft "I04" het zorgpunt "kwetsbare-bewoner"
