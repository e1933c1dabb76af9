# language: nl
Functionaliteit: Een aanpak die een burgemeester kan lezen: een handvol stappen, en waarom deze volgorde
  Een voorgestelde aanpak telt ten hoogste zoveel interventies als het beleid van de gemeente
  toestaat (Voorbeeldstad: vijf; zonder eigen grens geldt de terugvalwaarde van zes). Wat een
  maatregel eerst vraagt (een opvang, een lichter middel) telt mee. Een score staat nooit kaal
  in het advies: het advies zegt in woorden welke doelen de aanpak dient, wat haar minder
  wenselijk maakt en wat het volgende alternatief anders doet.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"
    En de casusgegevens:
      | doelen                                     | regisseur | grondslag gegevensdeling |
      | stoppen criminaliteit, kinderen beschermen | ja        | wgs                      |
    En de personen:
      | id | alias | leeftijd | rol           | verwijtbaar |
      | P1 | Ron   | 44       | sleutelfiguur | ja          |
      | P2 | Els   | 41       | partner       |             |
      | P3 | Mila  | 9        | kind          |             |
      | P4 | Daan  | 14       | kind          |             |
    En de relaties:
      | van | soort   | naar |
      | P1  | partner | P2   |
      | P1  | ouder   | P3   |
      | P1  | ouder   | P4   |
      | P2  | ouder   | P3   |
      | P2  | ouder   | P4   |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners       | medische praktijk |
      | W1 | woning | voorbeeldstad | sociale huur | P1, P2, P3, P4 | nee               |
    En de bevindingen:
      | id | soort         | datum      | pand | personen | middel          | lijst | hoeveelheid | eenheid | bron                    | bewezen |
      | F1 | drugs         | 2026-02-10 | W1   | P1       | cannabis        | II    | 120         | planten | bestuurlijke rapportage | ja      |
      | F2 | voorbereiding | 2026-02-10 | W1   |          | droogapparatuur |       |             |         | bestuurlijke rapportage |         |
    En de eerdere interventies:
      | id | soort                  | datum      | doelwit | uitkomst  |
      | B1 | I14-waarschuwingsbrief | 2024-03-15 | W1      | herhaling |

  Scenario: Veel passende interventies: de aanpak blijft binnen de grens van het gemeentelijk beleid
    Als de casus wordt beoordeeld
    Dan telt elke combinatie ten hoogste 5 interventies
    En draagt de burgemeester "I01" in de eerste combinatie

  Scenario: De volgorde wordt in woorden uitgelegd, nooit met een kale score
    Als de casus wordt beoordeeld
    Dan zegt de eerste combinatie waarom deze volgorde "dient de doelen van de casus: criminele activiteiten stoppen"
    En zegt de eerste combinatie waarom deze volgorde "Een sluiting treft ook de kinderen in het gezin"
    En zegt de eerste combinatie waarom deze volgorde "Combinatie 2"
    En noemt het advies nergens een kale score

  Scenario: Alleen signalen en veel preventieve stappen: de grens per domein houdt ruimte voor zorg
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"
    En de casusgegevens:
      | doelen                                | regisseur | grondslag gegevensdeling |
      | werving voorkomen, leefbare straat    | ja        | wgs                      |
    En de personen:
      | id | alias        | leeftijd | rol           |
      | P1 | vader Meijer | 50       | sleutelfiguur |
      | P2 | moeder       | 47       | partner       |
      | P3 | zoon         | 16       | kind          |
      | P4 | Henk         | 53       | lid           |
    En de relaties:
      | van | soort    | naar |
      | P1  | ouder    | P3   |
      | P2  | ouder    | P3   |
      | P1  | broer/zus | P4  |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners   | openbare orde verstoord |
      | W1 | woning | voorbeeldstad | eigendom | P1, P2, P3 | nee                     |
      | W2 | woning | voorbeeldstad | eigendom | P4         | nee                     |
    En de bevindingen:
      | id | soort        | datum      | pand | personen | bron          | bewezen |
      | S1 | signaal      | 2026-01-20 | W1   |          | buren         | nee     |
      | S2 | signaal      | 2026-02-03 | W2   |          | politie       | nee     |
      | S3 | signaal      | 2026-02-15 |      | P1, P4   | informatie    | nee     |
      | S4 | schoolverzuim | 2026-02-20 |     | P3       | proces-verbaal | ja     |
    Als de casus wordt beoordeeld
    Dan telt elke combinatie ten hoogste 5 interventies
    En dekt de eerste combinatie zorg
