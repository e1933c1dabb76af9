# language: nl
Functionaliteit: Stopgesprek en Halt voor jongeren (I16)
  Een gesprek over vastgelegde gedragingen, met de ouders erbij. Halt is voor jongeren van
  12 tot 18; onder de 16 moeten de ouders instemmen.

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

  Scenario: Halt is niet voor volwassenen
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 19       |
    En de bevindingen:
      | id | soort    | personen | bron    |
      | F1 | overlast | P1       | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I16" het zorgpunt "halt-leeftijd"

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
