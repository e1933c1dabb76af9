# language: nl
Functionaliteit: Stopgesprek met een jongere en zijn ouders (I16)
  Een gesprek over vastgelegde gedragingen van een minderjarige, met de ouders erbij. Halt
  heeft een eigen wettelijke grondslag (I16b, art. 77e Sr); een gesprek met een volwassene is
  een bestuurlijk gesprek (I15).

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Jongere met vastgelegde overlast
    Gegeven de personen:
      | id | leeftijd |
      | P4 | 14       |
    En de bevindingen:
      | id | soort    | personen | bron    |
      | F1 | overlast | P4       | politie |
    Als de casus wordt beoordeeld
    Dan is "I16" juridisch mogelijk
    En heeft "I16" het zorgpunt "toestemming-ouders"
    En heeft "I16" het zorgpunt "geen-stigma"

  Scenario: Zonder vastgelegde gedragingen geen gesprek
    Gegeven de personen:
      | id | leeftijd |
      | P4 | 14       |
    Als de casus wordt beoordeeld
    Dan is "I16" juridisch niet mogelijk

  Scenario: Met een volwassene is het een bestuurlijk gesprek, geen stopgesprek of Halt
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 19       |
    En de bevindingen:
      | id | soort    | personen | bron    |
      | F1 | overlast | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I16" juridisch niet mogelijk
    En is "I16b" juridisch niet mogelijk
    En is "I15" juridisch mogelijk

  Scenario: Een kind onder de twaalf
    Gegeven de personen:
      | id | leeftijd |
      | P5 | 10       |
    En de bevindingen:
      | id | soort    | personen | bron    |
      | F1 | overlast | P5       | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I16" het zorgpunt "kind-onder-twaalf"

  Scenario: Jongere van zestien: geen toestemming van de ouders nodig
    Gegeven de personen:
      | id | leeftijd |
      | P4 | 16       |
    En de bevindingen:
      | id | soort    | personen | bron    |
      | F1 | overlast | P4       | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I16" niet het zorgpunt "toestemming-ouders"

  Scenario: Een stopgesprek steunt niet op zorggegevens
    Gegeven de personen:
      | id | leeftijd |
      | P4 | 14       |
    En de bevindingen:
      | id | soort    | personen | bron |
      | F1 | overlast | P4       | zorg |
    Als de casus wordt beoordeeld
    Dan is "I16" juridisch niet mogelijk
