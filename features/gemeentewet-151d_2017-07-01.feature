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
      | id | soort    | pand | bron    | ernstig | aantal |
      | F1 | overlast | W1   | politie | ja      | 1      |
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

  Scenario: Klachten van buren en een logboek zijn bewijs, ook zonder politierapport
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | ja                          |
    En de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | bron     | ernstig |
      | F1 | overlast | W1   | klachten | ja      |
      | F2 | overlast | W1   | logboek  |         |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch mogelijk

  Scenario: Eén verklaring van buren over twintig voorvallen in een periode is herhaalde hinder
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | ja                          |
    En de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | bron             | ernstig | aantal | periode van | periode tot |
      | F1 | overlast | W1   | verklaring buren | ja      | 20     | 2025-09-01  | 2026-02-01  |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch mogelijk

  Scenario: Geprobeerde bemiddeling telt als lichter middel
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | ja                          |
    En de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
      | F2 | overlast | W1   | buren   | ja      |
    En de eerdere interventies:
      | id | soort       | datum      | doelwit | uitkomst  |
      | B1 | bemiddeling | 2025-10-01 | W1      | herhaling |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch mogelijk
    En heeft "I04" niet het zorgpunt "subsidiariteit"

  Scenario: Een bewoner die op de woning is aangewezen
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | ja                          |
    En de personen:
      | id | leeftijd | afhankelijk van woning |
      | P1 | 82       | ja                     |
    En de panden:
      | id | soort  | gemeente      | bewoners | huur |
      | W1 | woning | voorbeeldstad | P1       | huur |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
      | F2 | overlast | W1   | politie | ja      |
    Als de casus wordt beoordeeld
    Dan heeft "I04" het zorgpunt "afhankelijke-bewoner"
    En heeft "I04" het zorgpunt "verhuurder-betrekken"

  Scenario: Zonder grond voor een gedragsaanwijzing vraagt het advies niet of een bewoner kwetsbaar is
    Gegeven de casusgegevens:
      | apv zorgplicht woonoverlast |
      | nee                         |
    En de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1       |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
      | F2 | overlast | W1   | politie | ja      |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch niet mogelijk
    En vraagt het advies niet "kwetsbaar"

  Scenario: Is de grondslag voor een gedragsaanwijzing nog onbekend, dan vraagt het advies wel of een bewoner kwetsbaar is
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1       |
    En de bevindingen:
      | id | soort    | pand | bron    | ernstig |
      | F1 | overlast | W1   | politie | ja      |
      | F2 | overlast | W1   | politie | ja      |
    Als de casus wordt beoordeeld
    Dan is "I04" juridisch onbekend
    En vraagt het advies "kwetsbaar"
