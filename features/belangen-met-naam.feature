# language: nl
Functionaliteit: Wie de gevolgen van andermans handelen draagt, wordt met naam gewogen
  Een sluiting treft iedereen die in het pand woont, ook wie in geen enkele bevinding
  voorkomt. Geen gezinslid draagt de gevolgen van wat een ander deed zonder dat zijn of
  haar belang met naam is gewogen (art. 3:4 lid 2 Awb; ABRvS 28 augustus 2019,
  ECLI:NL:RVS:2019:2912): het zorgpunt noemt de bewoner, en de belangenafweging zegt
  waarom die zwaar weegt (minderjarig, oudere bewoner, op de woning aangewezen, geen rol
  in de bevindingen) en of die wist of redelijkerwijs had kunnen weten.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"
    En de casusgegevens:
      | doelen               |
      | stoppen criminaliteit |
    En de personen:
      | id | alias | leeftijd | rol           | verwijtbaar |
      | P1 | Ron   | 44       | sleutelfiguur | ja          |
      | P4 | Oma   | 78       | lid           | nee         |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners | overtreding | medische praktijk | opvang aangeboden |
      | W1 | woning | voorbeeldstad | eigendom | P1, P4   | ja          | nee               | ja                |
    En de bevindingen:
      | id | soort | datum      | pand | personen | middel   | lijst | hoeveelheid | eenheid | bron                    | bewezen |
      | F1 | drugs | 2026-02-10 | W1   | P1       | cannabis | II    | 120         | planten | bestuurlijke rapportage | ja      |
    En de eerdere interventies:
      | id | soort                  | datum      | doelwit | uitkomst  |
      | B1 | I14-waarschuwingsbrief | 2025-06-01 | W1      | herhaling |

  Scenario: De grootmoeder in de woning die voor de handel van haar zoon sluit, wordt met naam gewogen
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En heeft "I01" het zorgpunt "oudere-of-afhankelijke-bewoner"
    En noemt het zorgpunt "oudere-of-afhankelijke-bewoner" van "I01" de persoon "P4"
    En noemt het zorgpunt "oudere-of-afhankelijke-bewoner" van "I01" niet de persoon "P1"
    En noemt de belangenafweging van "I01" in het memo "Oma (78 jaar): oudere bewoner"
    En noemt de belangenafweging van "I01" in het memo "geen rol in de bevindingen; wist niet van de overtreding en had die ook niet redelijkerwijs kunnen weten"

  Scenario: Wie de handel dreef, wordt niet als getroffen bewoner genoemd; wie niets wist wel
    Gegeven de personen:
      | id | alias | leeftijd | rol | afhankelijk van woning |
      | P5 | Noor  | 52       | lid | ja                     |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners   | overtreding | medische praktijk |
      | W2 | woning | voorbeeldstad | eigendom | P1, P5     | ja          | nee               |
    En de bevindingen:
      | id | soort | datum      | pand | personen | middel   | lijst | hoeveelheid | eenheid | bron                    | bewezen |
      | F2 | drugs | 2026-02-11 | W2   | P1       | cannabis | II    | 150         | planten | bestuurlijke rapportage | ja      |
    Als de casus wordt beoordeeld
    Dan noemt het zorgpunt "oudere-of-afhankelijke-bewoner" van "I01" de persoon "P5"
    En noemt het zorgpunt "risico-dakloosheid" van "I01" de persoon "P5"
    En noemt het zorgpunt "risico-dakloosheid" van "I01" niet de persoon "P1"
    En noemt de belangenafweging van "I01" in het memo "Noor (52 jaar): door zorg of beperking op deze woning aangewezen, geen rol in de bevindingen; onzeker"

  Scenario: Een kind dat in de bevindingen slachtoffer is, wordt als slachtoffer gewogen, nooit als dader
    Gegeven de personen:
      | id | alias | leeftijd | rol  |
      | P6 | Sanne | 16       | kind |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners | overtreding | medische praktijk | opvang aangeboden |
      | W3 | woning | voorbeeldstad | eigendom | P1, P6   | ja          | nee               | ja                |
    En de bevindingen:
      | id | soort               | datum      | pand | personen | slachtoffers | middel   | lijst | hoeveelheid | eenheid | bron                    | bewezen |
      | F3 | drugs               | 2026-02-12 | W3   | P1       |              | cannabis | II    | 150         | planten | bestuurlijke rapportage | ja      |
      | F4 | criminele uitbuiting | 2026-02-12 | W3   | P1       | P6           |          |       |             |         | politie                 | ja      |
    Als de casus wordt beoordeeld
    Dan noemt het zorgpunt "minderjarigen-in-woning" van "I01" de persoon "P6"
    En noemt de belangenafweging van "I01" in het memo "Sanne (16 jaar): minderjarig, slachtoffer in de bevindingen, geen dader"
