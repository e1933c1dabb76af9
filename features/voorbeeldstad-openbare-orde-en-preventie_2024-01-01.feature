# language: nl
Functionaliteit: Voorbeeldstad - horecaladder en lokale preventieve acties
  Voorbeeldstad volgt bij horeca een ladder: eerst een waarschuwing, dan een tijdelijke
  sluiting, pas daarna intrekking van de exploitatievergunning. Daarnaast kent Voorbeeldstad
  twee lokale preventieve acties: opvolging van schoolverzuim en een jongerenwerker voor
  jongeren uit het netwerk (12 tot en met 23 jaar).

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Eerste overlast vanuit een horecazaak: eerst een waarschuwing
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | eigenaren | vergunning            | vergunningstatus |
      | H1 | horeca | W1   | P1        | exploitatievergunning | verleend         |
    En de bevindingen:
      | id | soort    | pand | bron    |
      | F1 | overlast | W1   | politie |
    Als de casus wordt beoordeeld
    Dan is "I09" juridisch mogelijk
    En noemt de uitleg van "I09" "trede 1 van 4: waarschuwing"

  Scenario: Na een waarschuwing aan de zaak volgt een tijdelijke sluiting
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 45       |
    En de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bedrijven:
      | id | soort  | pand | eigenaren | vergunning            | vergunningstatus |
      | H1 | horeca | W1   | P1        | exploitatievergunning | verleend         |
    En de bevindingen:
      | id | soort    | pand | bron    |
      | F1 | overlast | W1   | politie |
    En de eerdere interventies:
      | id | soort                  | datum      | doelwit |
      | B1 | I14-waarschuwingsbrief | 2025-10-01 | H1      |
    Als de casus wordt beoordeeld
    Dan noemt de uitleg van "I09" "trede 2 van 4: tijdelijke sluiting"

  Scenario: Minderjarige die van school verzuimt
    Gegeven de personen:
      | id | leeftijd | rol  |
      | P4 | 14       | kind |
    En de bevindingen:
      | id | soort        | personen | bron |
      | F1 | schoolverzuim | P4      | zorg |
    Als de casus wordt beoordeeld
    Dan is "VS-schoolverzuim-opvolging" juridisch mogelijk
    En heeft "VS-schoolverzuim-opvolging" het zorgpunt "geen-familielabel"

  Scenario: Een volwassene valt niet onder de opvolging van schoolverzuim
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 19       |
    En de bevindingen:
      | id | soort         | personen | bron |
      | F1 | schoolverzuim | P1       | zorg |
    Als de casus wordt beoordeeld
    Dan is "VS-schoolverzuim-opvolging" juridisch niet mogelijk

  Scenario: Onbekend hoe oud de verzuimende jongere is
    Gegeven de personen:
      | id | rol  |
      | P4 | kind |
    En de bevindingen:
      | id | soort         | personen | bron |
      | F1 | schoolverzuim | P4       | zorg |
    Als de casus wordt beoordeeld
    Dan is "VS-schoolverzuim-opvolging" juridisch onbekend

  Scenario: Jongere uit het netwerk krijgt een jongerenwerker
    Gegeven de personen:
      | id | leeftijd | rol |
      | P5 | 17       | lid |
    Als de casus wordt beoordeeld
    Dan is "VS-jongerenwerker" juridisch mogelijk
    En heeft "VS-jongerenwerker" het zorgpunt "vrijwilligheid"

  Scenario: Drieëntwintig jaar is nog de leeftijd van het jongerenwerk
    Gegeven de personen:
      | id | leeftijd | rol |
      | P5 | 23       | lid |
    Als de casus wordt beoordeeld
    Dan is "VS-jongerenwerker" juridisch mogelijk

  Scenario: Te oud voor het jongerenwerk
    Gegeven de personen:
      | id | leeftijd | rol |
      | P5 | 24       | lid |
    Als de casus wordt beoordeeld
    Dan is "VS-jongerenwerker" juridisch niet mogelijk

  Scenario: Een sleutelfiguur zonder bevindingen is geen doelgroep
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P5 | 20       | sleutelfiguur |
    Als de casus wordt beoordeeld
    Dan is "VS-jongerenwerker" juridisch niet mogelijk

  Scenario: Onbekend hoe oud de jongere is
    Gegeven de personen:
      | id | rol |
      | P5 | lid |
    Als de casus wordt beoordeeld
    Dan is "VS-jongerenwerker" juridisch onbekend
