# language: nl
Functionaliteit: Gebiedsverbod, groepsverbod en meldplicht (art. 172a Gemeentewet)
  De burgemeester mag een persoon die herhaaldelijk de openbare orde verstoorde, of bij een
  groepsverstoring een leidende rol had, een verbod of meldplicht opleggen als er ernstige
  vrees voor verdere verstoring is.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Herhaalde verstoring en vrees voor herhaling
    Gegeven de personen:
      | id | leeftijd | woonplaats    |
      | P1 | 24       | voorbeeldstad |
    En de bevindingen:
      | id | soort          | personen | bron    | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | ja                   |
      | F2 | ordeverstoring | P1       | politie |                      |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch mogelijk

  Scenario: Leidende rol bij één groepsverstoring
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort          | personen | bron    | leidende rol | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | ja           | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch mogelijk

  Scenario: Eén ernstige verstoring is sinds de aanscherping genoeg
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort      | personen | bron    | ernstig | vrees voor herhaling |
      | F1 | intimidatie | P1      | politie | ja      | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch mogelijk

  Scenario: Eén lichte verstoring zonder leidende rol is niet herhaaldelijk
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort          | personen | bron    | ernstig | leidende rol | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | nee     | nee          | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch niet mogelijk

  Scenario: Geen vrees voor verdere verstoring
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort          | personen | bron    | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | nee                  |
      | F2 | ordeverstoring | P1       | politie | nee                  |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch niet mogelijk

  Scenario: Verstoringen alleen gemeld door buren
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort          | personen | bron  | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | buren | ja                   |
      | F2 | ordeverstoring | P1       | buren | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch niet mogelijk

  Scenario: Onbekend of er vrees voor herhaling is
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort          | personen | bron    |
      | F1 | ordeverstoring | P1       | politie |
      | F2 | ordeverstoring | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch onbekend
    En vraagt het advies "vrees voor herhaling"

  Scenario: De persoon werkt of leert in het gebied
    Gegeven de personen:
      | id | leeftijd | werk of school in gebied |
      | P1 | 24       | ja                       |
    En de bevindingen:
      | id | soort          | personen | bron    | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | ja                   |
      | F2 | ordeverstoring | P1       | politie | ja                   |
    Als de casus wordt beoordeeld
    Dan heeft "I05" het zorgpunt "werk-of-school-in-gebied"
    En heeft "I05" het zorgpunt "weging-werk-school-zorg-familie"

  Scenario: Nog geen waarschuwing gegeven: lichtere middelen eerst
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort          | personen | bron    | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | ja                   |
      | F2 | ordeverstoring | P1       | politie | ja                   |
    Als de casus wordt beoordeeld
    Dan heeft "I05" het zorgpunt "lichtere-middelen-eerst"

  Scenario: Na een waarschuwingsbrief is een verbod de volgende stap
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort          | personen | bron    | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | ja                   |
      | F2 | ordeverstoring | P1       | politie | ja                   |
    En de eerdere interventies:
      | id | soort                | datum      | doelwit |
      | B1 | I14-waarschuwingsbrief | 2025-10-01 | P1     |
    Als de casus wordt beoordeeld
    Dan heeft "I05" niet het zorgpunt "lichtere-middelen-eerst"

  Scenario: Een gedragsaanwijzing van de officier van justitie sluit alleen een verbod voor hetzelfde gebied uit
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort          | personen | bron    | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | ja                   |
      | F2 | ordeverstoring | P1       | politie | ja                   |
    En de eerdere interventies:
      | id | soort | datum      | doelwit |
      | B1 | 509hh | 2026-01-10 | P1      |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch mogelijk
    En heeft "I05" het zorgpunt "gedragsaanwijzing-ovj-zelfde-gebied"
    En heeft "I05" niet het zorgpunt "gedragsaanwijzing-ovj"

  Scenario: Een kind dat in de gemeente woont krijgt geen vraag naar zijn woonplaats
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P1 | 44       | lid  |
      | P3 | 9        | kind |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P3   |
    En de bevindingen:
      | id | soort          | personen | bron    | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | ja                   |
      | F2 | ordeverstoring | P1       | politie | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch mogelijk
    En vraagt het advies niet "Woont deze persoon in de gemeente"

  Scenario: Verbod voor een minderjarige
    Gegeven de personen:
      | id | leeftijd |
      | P4 | 15       |
    En de bevindingen:
      | id | soort          | personen | bron    | vrees voor herhaling |
      | F1 | ordeverstoring | P4       | politie | ja                   |
      | F2 | ordeverstoring | P4       | politie | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch mogelijk
    En heeft "I05" het zorgpunt "minderjarige"

  Scenario: Geen vraag naar werk of school in het gebied voor wie zelf de orde niet verstoorde
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P1 | 44       | lid  |
      | P3 | 9        | kind |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P3   |
    Als de casus wordt beoordeeld
    Dan is "I05" juridisch niet mogelijk
    En vraagt het advies niet "Werkt, leert of krijgt deze persoon zorg in het gebied"

  Scenario: Na drie verlengingen waarschuwt het advies dat verder verlengen niet kan
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 24       |
    En de bevindingen:
      | id | soort          | personen | bron    | vrees voor herhaling |
      | F1 | ordeverstoring | P1       | politie | ja                   |
      | F2 | ordeverstoring | P1       | politie | ja                   |
    En de eerdere interventies:
      | id | soort          | datum      | doelwit |
      | V1 | verlenging-172a | 2025-06-01 | P1      |
      | V2 | verlenging-172a | 2025-09-01 | P1      |
      | V3 | verlenging-172a | 2025-12-01 | P1      |
    Als de casus wordt beoordeeld
    Dan heeft "I05" het zorgpunt "verlengingen-op"
