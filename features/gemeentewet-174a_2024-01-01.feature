# language: nl
Functionaliteit: Sluiting bij verstoring van de openbare orde (art. 174a Gemeentewet, Wet Victoria)
  De burgemeester mag een woning, een lokaal dat niet voor het publiek toegankelijk is, of
  een erf daarbij sluiten. Drie gronden staan naast elkaar: gedragingen in het pand verstoren
  de openbare orde rond het pand, ernstig en herhaald (a); sinds 1-1-2024 ernstige verstoring
  door geweld of dreiging met geweld (b); of een wapen of munitie in de zin van de Wet wapens
  en munitie met ernstige verstoring of ernstige vrees daarvoor (c). Lid 2 staat sluiting toe
  bij ernstige vrees na een eerdere sluiting van een pand van dezelfde rechthebbende.
  Een publiek lokaal (café, winkel) valt onder art. 174 Gemeentewet en de APV, niet onder 174a.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Ernstige en herhaalde overlast vanuit de woning (a-grond)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | ja                      |
    En de bevindingen:
      | id | soort    | pand | ernstig | bron     |
      | F1 | overlast | W1   | ja      | klachten |
      | F2 | overlast | W1   | ja      | logboek  |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk

  Scenario: Eén incident haalt de drempel van de a-grond niet
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | ja                      |
    En de bevindingen:
      | id | soort    | pand | ernstig | bron    | aantal |
      | F1 | overlast | W1   | ja      | politie | 1      |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk

  Scenario: Lichte overlast haalt de drempel van de a-grond niet
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | ja                      |
    En de bevindingen:
      | id | soort    | pand | ernstig | bron     | aantal |
      | F1 | overlast | W1   | nee     | klachten | 12     |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk

  Scenario: Een reeks vastgelegde klachten over een periode haalt de drempel wel
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | ja                      |
    En de bevindingen:
      | id | soort    | pand | ernstig | bron     | aantal | periode van | periode tot |
      | F1 | overlast | W1   | ja      | klachten | 14     | 2025-06-01  | 2026-02-01  |
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

  Scenario: Opgeslagen explosieven zijn geen geweld (geen b-grond)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | nee                     |
    En de bevindingen:
      | id | soort       | pand | ernstig | bron    |
      | F1 | explosieven | W1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk
    En heeft "I03" het zorgpunt "explosieven-geen-geweld"

  Scenario: Wapen aangetroffen en ernstige verstoring (c-grond)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | nee                     |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron                    |
      | F1 | wapens | W1   | ja      | bestuurlijke rapportage |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk

  Scenario: Wapen aangetroffen en ernstige vrees voor verstoring is genoeg (c-grond)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord | ernstige vrees |
      | W1 | woning | voorbeeldstad | nee                     | ja             |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | wapens | W1   | nee     | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk

  Scenario: Wapen zonder verstoring en zonder ernstige vrees (geen c-grond)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord | ernstige vrees |
      | W1 | woning | voorbeeldstad | nee                     | nee            |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | wapens | W1   | nee     | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk

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

  Scenario: Een café (publiek lokaal) valt onder art. 174 en de APV, niet onder 174a
    Gegeven de panden:
      | id | soort  | openbaar | gemeente      | openbare orde verstoord |
      | L1 | lokaal | ja       | voorbeeldstad | ja                      |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | L1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk

  Scenario: Een loods die niet voor het publiek open is, is een niet-publiek lokaal
    Gegeven de panden:
      | id | soort        | openbaar | gemeente      |
      | B1 | bedrijfspand | nee      | voorbeeldstad |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | B1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk

  Scenario: Onbekend of een lokaal voor het publiek toegankelijk is
    Gegeven de panden:
      | id | soort  | gemeente      |
      | L1 | lokaal | voorbeeldstad |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | L1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch onbekend
    En vraagt het advies "publiek toegankelijk"

  Scenario: Woning in een andere gemeente
    Gegeven de panden:
      | id | soort  | gemeente     |
      | W1 | woning | buurgemeente |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | W1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk

  Scenario: Onbekend of de openbare orde rond het pand is verstoord
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort    | pand | ernstig | bron     |
      | F1 | overlast | W1   | ja      | klachten |
      | F2 | overlast | W1   | ja      | logboek  |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch onbekend
    En vraagt het advies "openbare orde rond het pand"

  Scenario: Lid 2: nieuwe woning van iemand wiens vorige woning op grond van lid 1 is gesloten
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 38       |
    En de panden:
      | id | soort  | gemeente      | bewoners | openbare orde verstoord | ernstige vrees | aanwijzingen zelfde gebruik |
      | W2 | woning | voorbeeldstad | P1       | nee                     | ja             | ja                          |
    En de eerdere interventies:
      | id | soort                          | datum      | doelwit | uitgevoerd | grond |
      | S1 | I03-sluiting-174a-openbare-orde | 2025-09-01 | P1      | ja         | a     |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk

  Scenario: Lid 2 vraagt aanwijzingen dat de rechthebbende het nieuwe pand net zo gebruikt
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 38       |
    En de panden:
      | id | soort  | gemeente      | bewoners | openbare orde verstoord | ernstige vrees |
      | W2 | woning | voorbeeldstad | P1       | nee                     | ja             |
    En de eerdere interventies:
      | id | soort                          | datum      | doelwit | uitgevoerd |
      | S1 | I03-sluiting-174a-openbare-orde | 2025-09-01 | P1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch onbekend
    En vraagt het advies "net zo zal gebruiken"

  Scenario: Zonder eerdere sluiting wordt niet naar lid 2 gevraagd
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | nee                     |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk
    En vraagt het advies niet "net zo zal gebruiken"

  Scenario: Verlenging bij ernstige vrees voor herhaling (lid 3)
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | nee                     |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    | vrees voor herhaling |
      | F1 | geweld | W1   | ja      | politie | ja                   |
    En de eerdere interventies:
      | id | soort                          | datum      | doelwit | uitgevoerd |
      | S1 | I03-sluiting-174a-openbare-orde | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "verlenging-lid-3"

  Scenario: Sluiting is altijd een ultimum remedium
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | ja                      |
    En de bevindingen:
      | id | soort    | pand | ernstig | bron     |
      | F1 | overlast | W1   | ja      | klachten |
      | F2 | overlast | W1   | ja      | logboek  |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "ultimum-remedium"
    En heeft "I03" het zorgpunt "art-8-evrm-woning"

  Scenario: Kinderen in de woning en advies van jeugdbescherming tegen sluiting
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P3 | 9        | kind |
    En de panden:
      | id | soort  | gemeente      | bewoners | advies tegen sluiting |
      | W1 | woning | voorbeeldstad | P3       | ja                    |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | W1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "minderjarigen-in-woning"
    En heeft "I03" het zorgpunt "advies-tegen-sluiting"

  Scenario: De APV verbiedt het verblijf in een gesloten woning niet
    Gegeven de panden:
      | id | soort  | gemeente      | verblijfsverbod apv |
      | W1 | woning | voorbeeldstad | nee                 |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | W1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "verblijfsverbod-apv"

  Scenario: Bewoonde huurwoning gesloten op de a-grond: risico op dakloosheid en buitengerechtelijke ontbinding
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
    En de panden:
      | id | soort  | gemeente      | openbare orde verstoord | huur              | bewoners |
      | W1 | woning | voorbeeldstad | ja                      | particuliere huur | P1       |
    En de bevindingen:
      | id | soort    | pand | ernstig | bron     |
      | F1 | overlast | W1   | ja      | klachten |
      | F2 | overlast | W1   | ja      | logboek  |
    Als de casus wordt beoordeeld
    Dan heeft "I03" het zorgpunt "risico-dakloosheid"

  Scenario: Leegstaande huurwoning gesloten wegens een schietpartij: niemand woont er, dus geen risico op dakloosheid
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord | huur              |
      | W1 | woning | voorbeeldstad | nee                     | particuliere huur |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | W1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk
    En heeft "I03" niet het zorgpunt "risico-dakloosheid"

  Scenario: Zonder grond voor sluiting vraagt het advies niet naar het verblijfsverbod in de APV
    Gegeven de panden:
      | id | soort  | gemeente      | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | nee                     |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch niet mogelijk
    En vraagt het advies niet "Verbiedt de APV het verblijf"

  Scenario: Opvang aangeboden ondervangt het risico op dakloosheid, een zwarte lijst van de verhuurder weegt zwaarder
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
    En de panden:
      | id | soort  | gemeente      | openbare orde verstoord | huur         | opvang aangeboden | zwarte lijst | bewoners |
      | W1 | woning | voorbeeldstad | ja                      | sociale huur | ja                | ja           | P1       |
    En de bevindingen:
      | id | soort    | pand | ernstig | bron     |
      | F1 | overlast | W1   | ja      | klachten |
      | F2 | overlast | W1   | ja      | logboek  |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk
    En heeft "I03" niet het zorgpunt "risico-dakloosheid"
    En heeft "I03" het zorgpunt "opvang-aangeboden"
    En heeft "I03" het zorgpunt "zwarte-lijst-verhuurder"

  Scenario: Sluiting van een erf na een schietpartij raakt de kinderen in de woning waar het erf bij hoort
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P1 | 39       | lid  |
      | P3 | 7        | kind |
    En de panden:
      | id | soort  | gemeente      | openbare orde verstoord | bewoners | hoort bij woning |
      | W1 | woning | voorbeeldstad |                         | P1, P3   |                  |
      | E1 | erf    | voorbeeldstad | nee                     |          | W1               |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | E1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk
    En noemt de uitleg van "I03" "vervuld voor pand E1"
    En heeft "I03" het zorgpunt "minderjarigen-in-woning"

  # Issue 11, item 2: de zorgpunten volgen wie er woont, niet wie huurt of bezit.
  Scenario: Koopwoning gesloten na een schietpartij: de bewoners verliezen hun woning voor de duur van de sluiting
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
      | P3 | 9        | kind          |
    En de panden:
      | id | soort  | gemeente      | openbare orde verstoord | huur     | bewoners |
      | W1 | woning | voorbeeldstad | nee                     | eigendom | P1, P3   |
    En de bevindingen:
      | id | soort  | pand | ernstig | bron    |
      | F1 | geweld | W1   | ja      | politie |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk
    En heeft "I03" het zorgpunt "risico-dakloosheid"

  Scenario: Een bewoner die door zorg op de woning is aangewezen weegt bij een sluiting met naam mee
    Gegeven de personen:
      | id | leeftijd | rol           | afhankelijk van woning |
      | P1 | 44       | sleutelfiguur |                        |
      | P2 | 52       | lid           | ja                     |
    En de panden:
      | id | soort  | gemeente      | openbare orde verstoord | huur     | bewoners |
      | W1 | woning | voorbeeldstad | ja                      | eigendom | P1, P2   |
    En de bevindingen:
      | id | soort    | pand | ernstig | bron     |
      | F1 | overlast | W1   | ja      | klachten |
      | F2 | overlast | W1   | ja      | logboek  |
    Als de casus wordt beoordeeld
    Dan is "I03" juridisch mogelijk
    En heeft "I03" het zorgpunt "oudere-of-afhankelijke-bewoner"
