# language: nl
Functionaliteit: Sluiting wegens drugs (art. 13b Opiumwet, Wet Damocles)
  De burgemeester mag een woning, een lokaal (publiek toegankelijk of niet: ook een schuur,
  loods of bedrijfspand) of een erf daarbij sluiten als daar drugs van lijst I of II worden
  verkocht of daartoe aanwezig zijn (I01), of als er voorwerpen voor drugsproductie of
  hennepteelt liggen (I02). De wet stelt geen eis van openbaarheid.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Hennepkwekerij in een woning, vastgesteld in een bestuurlijke rapportage
    Gegeven de personen:
      | id | leeftijd | rol          | verwijtbaar |
      | P1 | 44       | sleutelfiguur | ja          |
    En de panden:
      | id | soort  | gemeente     | huur    | bewoners |
      | W1 | woning | voorbeeldstad | eigendom | P1       |
    En de bevindingen:
      | id | soort | pand | personen | middel   | lijst | hoeveelheid | eenheid | bron                    |
      | F1 | drugs | W1   | P1       | cannabis | II    | 120         | planten | bestuurlijke rapportage |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En noemt de uitleg van "I01" "vervuld voor pand W1"

  Scenario: Harddrugs boven de gebruikershoeveelheid in een woning
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | middel  | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | cocaïne | I     | 12          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk

  Scenario: Weinig drugs maar wel aanwijzingen voor handel
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | handelsaanwijzingen | bron    |
      | F1 | drugs | W1   | II    | 3           | gram    | ja                  | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk

  Scenario: Alleen een gebruikershoeveelheid zonder aanwijzingen voor handel
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | handelshoeveelheid | handelsaanwijzingen | bron    |
      | F1 | drugs | W1   | II    | 3           | gram    | nee                | nee                 | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch niet mogelijk

  Scenario: Drugs in een lokaal dat niet voor het publiek toegankelijk is (art. 13b kent geen openbaarheidseis)
    Gegeven de panden:
      | id | soort | openbaar | gemeente      |
      | L1 | lokaal | nee     | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | L1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk

  Scenario: Drugs in een publiek toegankelijk lokaal
    Gegeven de panden:
      | id | soort  | openbaar | gemeente      |
      | L1 | lokaal | ja       | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | L1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk

  Scenario: Een bedrijfspand of schuur is ook een lokaal in de zin van art. 13b
    Gegeven de panden:
      | id | soort        | openbaar | gemeente      |
      | B1 | bedrijfspand | nee      | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | B1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk

  Scenario: Hennepteeltmaterialen in een loods die niet voor het publiek open is (sub b)
    Gegeven de panden:
      | id | soort        | openbaar | gemeente      |
      | B1 | bedrijfspand | nee      | voorbeeldstad |
    En de bevindingen:
      | id | soort         | pand | categorie  | productiedoel | bron    |
      | F1 | voorbereiding | B1   | hennepteelt | ja            | politie |
    Als de casus wordt beoordeeld
    Dan is "I02" juridisch mogelijk
    En vraagt het advies niet "publiek toegankelijk"

  Scenario: Woning in een andere gemeente
    Gegeven de panden:
      | id | soort  | gemeente   |
      | W1 | woning | buurgemeente |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch niet mogelijk

  Scenario: Alleen een melding van buren is geen vaststelling door een bevoegde bron
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron  |
      | F1 | drugs | W1   | I     | 50          | gram    | buren |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch niet mogelijk

  Scenario: Onbekend op welke lijst het middel staat
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch onbekend
    En vraagt het advies "lijst I of lijst II"

  Scenario: Onbekend wat voor pand het is
    Gegeven de panden:
      | id | gemeente      |
      | W1 | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch onbekend
    En vraagt het advies "woning, lokaal, erf of bedrijfspand"

  Scenario: Kinderen in de gesloten woning vragen een kindimpactnotitie
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
      | P3 | 9        | kind          |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P3   |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En heeft "I01" het zorgpunt "minderjarigen-in-woning"

  Scenario: Bewoonde huurwoning: risico op dakloosheid
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "risico-dakloosheid"

  Scenario: Koopwoning: geen risico op ontbinding van de huur
    Gegeven de panden:
      | id | soort  | gemeente      | huur     |
      | W1 | woning | voorbeeldstad | eigendom |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" niet het zorgpunt "risico-dakloosheid"

  Scenario: Volwassen medebewoner die niets wist
    Gegeven de personen:
      | id | leeftijd | rol           | verwijtbaar |
      | P1 | 44       | sleutelfiguur | ja          |
      | P2 | 41       | partner       | nee         |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P2   |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "verwijtbaarheid-medebewoner"

  Scenario: Bewoners met een bijzondere band met de woning
    Gegeven de panden:
      | id | soort  | gemeente      | bijzondere band |
      | W1 | woning | voorbeeldstad | ja              |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "bijzondere-band"

  Scenario: Praktijk van een arts is uitgezonderd (art. 13b lid 2)
    Gegeven de panden:
      | id | soort  | gemeente      | medische praktijk |
      | W1 | lokaal | voorbeeldstad | ja                |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "praktijk-uitzondering"

  Scenario: Wapens naast de drugs wegen zwaar voor de noodzaak
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort  | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs  | W1   | I     | 50          | gram    | politie |
      | F2 | wapens | W1   |       |             |         | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "noodzaak-wapens-of-geld"

  Scenario: Productiemiddelen voor hennepteelt in een woning
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort         | pand | categorie  | productiedoel | bron                    |
      | F1 | voorbereiding | W1   | hennepteelt | ja           | bestuurlijke rapportage |
    Als de casus wordt beoordeeld
    Dan is "I02" juridisch mogelijk

  Scenario: Alleen geld is geen voorbereidingshandeling
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort         | pand | categorie | productiedoel | bron    |
      | F1 | voorbereiding | W1   | geld      | ja            | politie |
    Als de casus wordt beoordeeld
    Dan is "I02" juridisch niet mogelijk
    En heeft "I02" het zorgpunt "alleen-geld-of-vervoer"

  Scenario: Voorwerpen zonder aanwijzing voor productie
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort         | pand | categorie          | productiedoel | bron    |
      | F1 | voorbereiding | W1   | harddrugsproductie | nee           | politie |
    Als de casus wordt beoordeeld
    Dan is "I02" juridisch niet mogelijk

  Scenario: Onbekend wat voor voorwerpen er zijn aangetroffen
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort         | pand | middel          | bron                    |
      | F1 | voorbereiding | W1   | droogapparatuur | bestuurlijke rapportage |
    Als de casus wordt beoordeeld
    Dan is "I02" juridisch onbekend
    En vraagt het advies "harddrugsproductie"

  Scenario: Productiemiddelen in een huurwoning met kinderen
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P3 | 9        | kind |
    En de panden:
      | id | soort  | gemeente      | huur        | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P3       |
    En de bevindingen:
      | id | soort         | pand | categorie          | productiedoel | bron    |
      | F1 | voorbereiding | W1   | harddrugsproductie | ja            | politie |
    Als de casus wordt beoordeeld
    Dan is "I02" juridisch mogelijk
    En heeft "I02" het zorgpunt "minderjarigen-in-woning"
    En heeft "I02" het zorgpunt "risico-dakloosheid"

  Scenario: Elke sluiting van een woning krijgt een toets aan art. 8 EVRM
    Gegeven de panden:
      | id | soort  | gemeente      | huur     |
      | W1 | woning | voorbeeldstad | eigendom |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "art-8-evrm-woning"

  Scenario: Een lokaal valt niet onder de toets voor woningen (art. 8 EVRM)
    Gegeven de panden:
      | id | soort  | openbaar | gemeente      |
      | L1 | lokaal | ja       | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | L1   | I     | 50          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" niet het zorgpunt "art-8-evrm-woning"

  Scenario: Jeugdbescherming of het sociaal team adviseert tegen sluiting (art. 3 IVRK)
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P3 | 9        | kind |
    En de panden:
      | id | soort  | gemeente      | bewoners | advies tegen sluiting |
      | W1 | woning | voorbeeldstad | P3       | ja                    |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "advies-tegen-sluiting"

  Scenario: Kinderen in huis: het advies vraagt naar het advies van jeugdbescherming of sociaal team
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P3 | 9        | kind |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P3       |
    En de bevindingen:
      | id | soort         | pand | categorie   | productiedoel | bron    |
      | F1 | voorbereiding | W1   | hennepteelt | ja            | politie |
    Als de casus wordt beoordeeld
    Dan vraagt het advies "geadviseerd tegen sluiting"

  Scenario: Zonder drugsvondst vraagt het advies niet naar medische praktijk, band of advies van jeugdbescherming
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P1 | 44       | lid  |
      | P3 | 16       | kind |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P3   |
    En de bevindingen:
      | id | soort   | pand | bron  |
      | S1 | signaal | W1   | buren |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch niet mogelijk
    En vraagt het advies niet "apotheek of praktijk"
    En vraagt het advies niet "bijzondere band"
    En vraagt het advies niet "geadviseerd tegen sluiting"

  Scenario: Huurwoning waar de bewoners opvang is aangeboden: het risico op dakloosheid is ondervangen
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners | opvang aangeboden |
      | W1 | woning | voorbeeldstad | sociale huur | P1       | ja                |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" niet het zorgpunt "risico-dakloosheid"
    En heeft "I01" het zorgpunt "opvang-aangeboden"

  Scenario: Bewoonde huurwoning zonder opvang: het risico op dakloosheid blijft, zonder dat het advies naar opvang vraagt
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "risico-dakloosheid"
    En heeft "I01" niet het zorgpunt "opvang-aangeboden"
    En vraagt het advies niet "opvang"

  Scenario: Een zwarte lijst of terugkeerverbod van de corporatie weegt zwaarder in de evenwichtigheid
    Gegeven de panden:
      | id | soort  | gemeente      | huur         | zwarte lijst | opvang aangeboden |
      | W1 | woning | voorbeeldstad | sociale huur | ja           | ja                |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En heeft "I01" het zorgpunt "zwarte-lijst-verhuurder"
    En noemt de wenselijkheid van "I01" "zwarte lijst"

  Scenario: Sluiting van een erf raakt de kinderen en de huur van de woning waar het bij hoort
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
      | P3 | 9        | kind          |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners | hoort bij woning |
      | W1 | woning | voorbeeldstad | sociale huur | P1, P3   |                  |
      | E1 | erf    | voorbeeldstad |              |          | W1               |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | E1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En noemt de uitleg van "I01" "vervuld voor pand E1"
    En heeft "I01" het zorgpunt "minderjarigen-in-woning"
    En heeft "I01" het zorgpunt "risico-dakloosheid-erf"

  Scenario: Drugs op de kamer van een kamerhuurder: de verwijtbaarheid van de hoofdbewoner is niet vanzelfsprekend
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 58       |
      | P2 | 24       |
    En de panden:
      | id | soort  | gemeente      | bewoners | gebruikers |
      | W1 | woning | voorbeeldstad | P1       | P2         |
    En de bevindingen:
      | id | soort | pand | ruimte     | personen | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | zolderkamer | P2       | I     | 40          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En heeft "I01" het zorgpunt "vondst-in-ruimte-van-ander"

  Scenario: Vondst in een benoemde ruimte, maar de enige bewoner wist ervan
    Gegeven de personen:
      | id | leeftijd | verwijtbaar |
      | P1 | 58       | ja          |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1       |
    En de bevindingen:
      | id | soort | pand | ruimte | personen | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | kelder | P1       | I     | 40          | gram    | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" niet het zorgpunt "vondst-in-ruimte-van-ander"

  Scenario: Productiemiddelen in de schuur die een medebewoner gebruikt (sub b)
    Gegeven de personen:
      | id | leeftijd | verwijtbaar |
      | P1 | 50       |             |
      | P2 | 27       | ja          |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P2   |
    En de bevindingen:
      | id | soort         | pand | ruimte | personen | categorie   | productiedoel | bron    |
      | F1 | voorbereiding | W1   | schuur | P2       | hennepteelt | ja            | politie |
    Als de casus wordt beoordeeld
    Dan is "I02" juridisch mogelijk
    En heeft "I02" het zorgpunt "vondst-in-ruimte-van-ander"

  # Issue 11, item 2: dakloosheid volgt de bewoning, niet de huur; leeftijd en afhankelijkheid
  # wegen mee. De leeftijdsgrens is een beleidskeuze van de gemeente (Voorbeeldstad: 70 jaar).
  Scenario: Koopwoning waar een gezin woont: risico op dakloosheid, ook zonder huur
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
      | P3 | 9        | kind          |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners |
      | W1 | woning | voorbeeldstad | eigendom | P1, P3   |
    En de bevindingen:
      | id | soort | pand | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "risico-dakloosheid"

  Scenario: Gehuurde woning waar niemand woont: geen risico op dakloosheid
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
    En de panden:
      | id | soort  | gemeente      | huur              | eigenaar |
      | W2 | woning | voorbeeldstad | particuliere huur | P1       |
    En de bevindingen:
      | id | soort | pand | personen | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W2   | P1       | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En heeft "I01" niet het zorgpunt "risico-dakloosheid"

  Scenario: Een oudere bewoner (alleen het geboortejaar bekend) weegt bij een sluiting met naam mee
    Gegeven de personen:
      | id | leeftijd | geboortejaar | rol           |
      | P1 | 44       |              | sleutelfiguur |
      | P4 |          | 1956         | lid           |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners |
      | W1 | woning | voorbeeldstad | eigendom | P1, P4   |
    En de bevindingen:
      | id | soort | pand | personen | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | P1       | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" het zorgpunt "oudere-of-afhankelijke-bewoner"

  Scenario: Een bewoner onder de leeftijdsgrens die niet op de woning is aangewezen: geen zorgpunt
    Gegeven de personen:
      | id | leeftijd | rol           | afhankelijk van woning |
      | P1 | 44       | sleutelfiguur | nee                    |
      | P4 | 66       | lid           | nee                    |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners |
      | W1 | woning | voorbeeldstad | eigendom | P1, P4   |
    En de bevindingen:
      | id | soort | pand | personen | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | P1       | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I01" niet het zorgpunt "oudere-of-afhankelijke-bewoner"
