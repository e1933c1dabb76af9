# language: nl
Functionaliteit: Sluiting bij verstoring van de openbare orde (art. 174a Gemeentewet, Wet Victoria)
  De burgemeester mag een woning, lokaal of erf sluiten als gedragingen daar de openbare
  orde rond het pand verstoren (a-grond), of sinds 1-1-2024 bij ernstige verstoring door
  geweld, explosieven of een wapen (b- en c-grond). Sluiting is een ultimum remedium.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Ernstige en herhaalde overlast rond de woning (a-grond)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | ja                      |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk

  Scenario: Schietpartij bij de woning, vastgesteld door de politie (b-grond)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | nee                     |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | W1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk

  Scenario: Explosief bij het lokaal (b-grond)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | L1 | lokaal | voorbeeldstad | nee                     |
    En de bevindingen:
      | id | soort       | pand | ernstig | bron    |
      | F1 | explosieven | L1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk

  Scenario: Wapen aangetroffen en ernstige verstoring (c-grond)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | nee                     |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron                    |
      | F1 | wapens | W1   | ja      | bestuurlijke rapportage |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk

  Scenario: Geweld alleen gemeld door buren draagt geen sluiting
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | nee                     |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron  |
      | F1 | geweld | W1   | ja      | buren |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk

  Scenario: Geen verstoring van de openbare orde en geen geweld
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | nee                     |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk

  Scenario: Bedrijfspand valt buiten art. 174a
    Gegeven de panden:
      | id | soort        | gemeente      | openbare orde verstoord |
      | B1 | bedrijfspand | voorbeeldstad | ja                      |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk

  Scenario: Woning in een andere gemeente
    Gegeven de panden:
      | id | soort  | gemeente     | openbare orde verstoord |
      | W1 | woning | buurgemeente | ja                      |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk

  Scenario: Onbekend of de openbare orde is verstoord
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch onbekend
    En vraagt het advies "openbare orde rond het pand"

  Scenario: Sluiting is altijd een ultimum remedium
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | ja                      |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "ultimum-remedium"

  Scenario: Kinderen in de woning
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P3 | 9        | kind |
    En de panden:
      | id | soort  | gemeente      | openbare orde verstoord | bewoners |
      | W1 | woning | voorbeeldstad | ja                      | P3       |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "minderjarigen-in-woning"

  Scenario: De APV verbiedt het verblijf in een gesloten woning niet
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord | verblijfsverbod apv |
      | W1 | woning | voorbeeldstad | ja                      | nee                 |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "verblijfsverbod-apv"

  Scenario: Huurwoning: risico op dakloosheid na sluiting
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord | huur              |
      | W1 | woning | voorbeeldstad | ja                      | particuliere huur |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "risico-dakloosheid"

  Scenario: Eén incident is voor de a-grond meestal niet genoeg
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | ja                      |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "enkel-incident"
