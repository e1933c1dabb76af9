# language: nl
Functionaliteit: Last onder bestuursdwang of dwangsom (art. 5:21, 5:31d en 5:32 Awb, I12)
  Elke vastgestelde overtreding van een wettelijk voorschrift in of bij het pand kan worden
  gehandhaafd; de dwangsom is de lichtere vorm.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Overtreding van het omgevingsplan
    Gegeven de panden:
      | id | soort        | gemeente      | overtreding |
      | B1 | bedrijfspand | voorbeeldstad | ja          |
    Als de casus wordt beoordeeld
    Dan is "I12" juridisch mogelijk
    En heeft "I12" het zorgpunt "beginselplicht-handhaving"

  Scenario: Dwangsom in plaats van sluiting bij drugshandel
    Gegeven de panden:
      | id | soort  | gemeente      | overtreding |
      | W1 | woning | voorbeeldstad | nee         |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I12" juridisch mogelijk

  Scenario: Geen overtreding vastgesteld
    Gegeven de panden:
      | id | soort  | gemeente      | overtreding |
      | W1 | woning | voorbeeldstad | nee         |
    Als de casus wordt beoordeeld
    Dan is "I12" juridisch niet mogelijk

  Scenario: Pand buiten de gemeente
    Gegeven de panden:
      | id | soort  | gemeente     | overtreding |
      | W1 | woning | buurgemeente | ja          |
    Als de casus wordt beoordeeld
    Dan is "I12" juridisch niet mogelijk

  Scenario: Onbekend of er een overtreding is
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    Als de casus wordt beoordeeld
    Dan is "I12" juridisch onbekend
    En vraagt het advies "overtreding van een wettelijk voorschrift"

  Scenario: Kinderen in huis: de dwangsom is lichter
    Gegeven de personen:
      | id | leeftijd |
      | P3 | 9        |
    En de panden:
      | id | soort  | gemeente      | overtreding | bewoners |
      | W1 | woning | voorbeeldstad | ja          | P3       |
    Als de casus wordt beoordeeld
    Dan heeft "I12" het zorgpunt "dwangsom-lichter"

  Scenario: De procedure noemt spoedeisende bestuursdwang, de begunstigingstermijn van de dwangsom en de rechtsmiddelen
    Gegeven de panden:
      | id | soort  | gemeente      | overtreding |
      | W1 | woning | voorbeeldstad | ja          |
    Als de casus wordt beoordeeld
    Dan noemt de procedure van "I12" "art. 5:31"
    En noemt de procedure van "I12" "art. 5:32a"
    En noemt de procedure van "I12" "art. 6:16"
    En noemt de procedure van "I12" "art. 8:81"
    En noemt de procedure van "I12" "medebewoners, de eigenaar en de verhuurder"

  Scenario: Ook een sluiting wegens drugs kent spoedeisende bestuursdwang en een voorlopige voorziening
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan noemt de procedure van "I01" "art. 5:31"
    En noemt de procedure van "I01" "art. 8:81"
    En noemt de procedure van "I01" "medebewoners, de eigenaar en de verhuurder"

  Scenario: De last legt het orgaan op dat het overtreden voorschrift uitvoert, niet steeds de burgemeester
    Gegeven de panden:
      | id | soort        | gemeente      | overtreding |
      | B1 | bedrijfspand | voorbeeldstad | ja          |
    Als de casus wordt beoordeeld
    Dan is "I12" juridisch mogelijk
    En is het bestuursorgaan dat het overtreden voorschrift uitvoert (college of burgemeester, art. 125 Gemeentewet) bevoegd voor "I12"
