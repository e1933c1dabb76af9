# language: nl
Functionaliteit: Weigeren of intrekken van een vergunning (Wet Bibob)
  Bij ernstig gevaar dat een vergunning wordt misbruikt mag het bestuursorgaan haar weigeren
  of intrekken. De betrokkene moet in relatie staan tot strafbare feiten (art. 3 lid 4):
  een zakelijke band telt, een familieband alleen niet.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Eigenaar met eigen vastgestelde strafbare feiten
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort   | eigenaren | vergunning           | vergunningstatus | bibob-uitkomst |
      | H1 | horeca  | P1        | exploitatievergunning | aangevraagd      | ernstig        |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I08" juridisch mogelijk

  Scenario: Zakenpartner van de eigenaar met strafbare feiten
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
      | P2 | 48       |
    En de relaties:
      | van | soort        | naar |
      | P1  | zakenpartner | P2   |
    En de bedrijven:
      | id | soort  | eigenaren | vergunning            | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | P1        | exploitatievergunning | verleend         | ernstig        |
    En de bevindingen:
      | id | soort | personen | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | P2       | I     | 200         | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I08" juridisch mogelijk

  Scenario: Een familieband alleen is niet genoeg
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
      | P2 | 48       |
    En de relaties:
      | van | soort     | naar |
      | P1  | broer/zus | P2   |
    En de bedrijven:
      | id | soort  | eigenaren | vergunning            | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | P1        | exploitatievergunning | aangevraagd      | ernstig        |
    En de bevindingen:
      | id | soort | personen | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | P2       | I     | 200         | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I08" juridisch niet mogelijk
    En heeft "I08" het zorgpunt "familieband-alleen"

  Scenario: Geen gevaar volgens het Bibob-onderzoek
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort  | eigenaren | vergunning            | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | P1        | exploitatievergunning | aangevraagd      | geen           |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I08" juridisch niet mogelijk

  Scenario: Alleen inlichtingen over de eigenaar, niet vastgesteld
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort  | eigenaren | vergunning            | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | P1        | exploitatievergunning | aangevraagd      | ernstig        |
    En de bevindingen:
      | id | soort         | personen | bron       |
      | F1 | witwassignaal | P1       | informatie |
    Als de casus wordt beoordeeld
    Dan is "I08" juridisch niet mogelijk

  Scenario: Uitkomst van het Bibob-onderzoek nog onbekend
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort  | eigenaren | vergunning            | vergunningstatus |
      | H1 | horeca | P1        | exploitatievergunning | aangevraagd      |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I08" juridisch onbekend
    En vraagt het advies "Bibob-onderzoek"

  Scenario: Mindere mate van gevaar: voorschriften in plaats van weigeren
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort  | eigenaren | vergunning            | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | P1        | exploitatievergunning | aangevraagd      | mindere mate   |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I08" het zorgpunt "mindere-mate-van-gevaar"

  Scenario: Ouderdom van de feiten en breuk met de relatie wegen mee
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort  | eigenaren | vergunning            | vergunningstatus | bibob-uitkomst |
      | H1 | horeca | P1        | exploitatievergunning | aangevraagd      | ernstig        |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I08" het zorgpunt "ouderdom-en-breuk"

  Scenario: Een lopende aanvraag zonder Bibob-uitkomst: de gemeente kan zelf onderzoek doen
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort  | eigenaren | vergunning            | vergunningstatus |
      | H1 | horeca | P1        | exploitatievergunning | aangevraagd      |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I08a" juridisch mogelijk
    En is "I08" juridisch onbekend

  Scenario: Advies van het Landelijk Bureau Bibob vragen zonder eigen onderzoek geeft een waarschuwing
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort     | eigenaren | vergunning         | vergunningstatus | beslist door |
      | G1 | vastgoed  | P1        | vastgoedtransactie | aangevraagd      | college      |
    Als de casus wordt beoordeeld
    Dan is "I08b" juridisch mogelijk
    En heeft "I08b" het zorgpunt "eerst-eigen-onderzoek"

  Scenario: Een beschikking van een andere overheid kan de gemeente niet weigeren of intrekken
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort     | eigenaren | vergunning   | vergunningstatus | bibob-uitkomst | beslist door    |
      | T1 | transport | P1        | taxivergunning | verleend       | ernstig        | andere overheid |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I08" juridisch niet mogelijk
    En is "I08a" juridisch niet mogelijk

  Scenario: Bibob reikt verder dan horeca - omgevingsvergunning van een garage
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de bedrijven:
      | id | soort  | eigenaren | vergunning          | vergunningstatus | bibob-uitkomst | beslist door |
      | G1 | garage | P1        | omgevingsvergunning | aangevraagd      | ernstig        | college      |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I08" juridisch mogelijk

  Scenario: Een bevinding op meer panden, waaronder het bedrijfspand, telt voor het bedrijf
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 50       |
    En de panden:
      | id | soort        | gemeente      |
      | W1 | woning       | voorbeeldstad |
      | B1 | bedrijfspand | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | eigenaren | vergunning          | vergunningstatus | bibob-uitkomst | beslist door |
      | G1 | garage | B1   | P1        | omgevingsvergunning | verleend         | ernstig        | college      |
    En de bevindingen:
      | id | soort | pand | andere panden | ruimte  | bron    | geldbedrag |
      | F1 | drugs | W1   | B1            | kelder  | politie | 25000      |
    Als de casus wordt beoordeeld
    Dan is "I08" juridisch mogelijk
