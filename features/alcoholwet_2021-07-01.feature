# language: nl
Functionaliteit: Alcoholwetvergunning weigeren of intrekken (Alcoholwet)
  De burgemeester mag een alcoholwetvergunning weigeren of intrekken bij slecht levensgedrag
  van een leidinggevende of eigenaar, of bij ernstig gevaar volgens de Wet Bibob.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Leidinggevende met vastgestelde strafbare feiten
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort | openbaar | gemeente      |
      | W1 | lokaal | ja      | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | vergunning           | vergunningstatus |
      | H1 | horeca | W1   | P1              | alcoholwetvergunning | verleend         |
    En de bevindingen:
      | id | soort         | personen | bron    | bewezen | datum      |
      | F1 | witwassignaal | P1       | politie | ja      | 2025-06-01 |
    Als de casus wordt beoordeeld
    Dan is "I10" juridisch mogelijk
    En heeft "I10" niet het zorgpunt "relevante-bewezen-feiten"

  Scenario: Ernstig Bibob-gevaar langs een zakenpartner
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
      | P2 | 50       |
    En de relaties:
      | van | soort        | naar |
      | P1  | zakenpartner | P2   |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | eigenaren | vergunning           | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | W1   | P1        | alcoholwetvergunning | aangevraagd      | ernstig        |
    En de bevindingen:
      | id    | soort | personen | lijst | hoeveelheid | eenheid | bron    |
      | F1    | drugs | P2       | I     | 200         | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I10" juridisch mogelijk

  Scenario: De zaak ligt in een andere gemeente
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | openbaar | gemeente     |
      | W1 | lokaal | ja       | buurgemeente |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | vergunning           | vergunningstatus |
      | H1 | horeca | W1   | P1              | alcoholwetvergunning | verleend         |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I10" juridisch niet mogelijk

  Scenario: Alleen losse inlichtingen over de leidinggevende
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | vergunning           | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | W1   | P1              | alcoholwetvergunning | verleend         | geen           |
    En de bevindingen:
      | id | soort         | personen | bron       |
      | F1 | witwassignaal | P1       | informatie |
    Als de casus wordt beoordeeld
    Dan is "I10" juridisch niet mogelijk

  Scenario: Onbekend in welke gemeente de zaak ligt
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | openbaar |
      | W1 | lokaal | ja       |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | vergunning           | vergunningstatus |
      | H1 | horeca | W1   | P1              | alcoholwetvergunning | verleend         |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I10" juridisch onbekend
    En vraagt het advies "gemeente"

  Scenario: Onbewezen feiten dragen geen weigering wegens levensgedrag
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | vergunning           | vergunningstatus |
      | H1 | horeca | W1   | P1              | alcoholwetvergunning | verleend         |
    En de bevindingen:
      | id | soort         | personen | bron    | bewezen |
      | F1 | witwassignaal | P1       | politie | nee     |
    Als de casus wordt beoordeeld
    Dan heeft "I10" het zorgpunt "relevante-bewezen-feiten"

  Scenario: Een financier met strafbare feiten is geen leidinggevende; hij valt onder Bibob
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
      | P2 | 50       |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | financiers | vergunning           | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | W1   | P1              | P2         | alcoholwetvergunning | verleend         | geen           |
    En de bevindingen:
      | id | soort         | personen | bron    | bewezen | datum      |
      | F1 | witwassignaal | P2       | politie | ja      | 2025-06-01 |
    Als de casus wordt beoordeeld
    Dan is "I10" juridisch niet mogelijk
    En heeft "I10" het zorgpunt "financier-via-bibob"

  Scenario: Onbekend of het feit bewezen is geeft dezelfde waarschuwing als onbewezen
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | vergunning           | vergunningstatus |
      | H1 | horeca | W1   | P1              | alcoholwetvergunning | verleend         |
    En de bevindingen:
      | id | soort         | personen | bron    | datum      |
      | F1 | witwassignaal | P1       | politie | 2025-06-01 |
    Als de casus wordt beoordeeld
    Dan heeft "I10" het zorgpunt "relevante-bewezen-feiten"

  Scenario: Feiten van lang geleden dragen geen slecht levensgedrag
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | vergunning           | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | W1   | P1              | alcoholwetvergunning | verleend         | geen           |
    En de bevindingen:
      | id | soort         | personen | bron    | bewezen | datum      |
      | F1 | witwassignaal | P1       | politie | ja      | 2014-05-01 |
    Als de casus wordt beoordeeld
    Dan is "I10" juridisch niet mogelijk

  Scenario: Recente veroordeling van een feitelijk leidinggevende, alleen het jaar bekend
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
      | P2 | 38       |
    En de veroordelingen:
      | persoon | soort    | rechter            | jaar |
      | P2      | Opiumwet | rechtbank Voorburg | 2024 |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | feitelijk leidinggevenden | vergunning           | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | W1   | P1              | P2                        | alcoholwetvergunning | aangevraagd      | geen           |
    Als de casus wordt beoordeeld
    Dan is "I10" juridisch mogelijk
    En heeft "I10" het zorgpunt "veroordeling-relevant-en-onherroepelijk"

  Scenario: Een leidinggevende die slachtoffer is van geweld is niet van slecht levensgedrag
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
      | P2 | 30       |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | leidinggevenden | vergunning           | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | W1   | P1              | alcoholwetvergunning | verleend         | geen           |
    En de bevindingen:
      | id | soort | personen | slachtoffers | bron    | bewezen | datum      |
      | F1 | geweld | P2      | P1           | politie | ja      | 2025-06-01 |
    Als de casus wordt beoordeeld
    Dan is "I10" juridisch niet mogelijk
