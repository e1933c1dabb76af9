# language: nl
Functionaliteit: Halt-afdoening voor jongeren van 12 tot 18 jaar (art. 77e Wetboek van Strafrecht, I16b)
  Een opsporingsambtenaar kan een jongere van 12 tot 18 die een Halt-feit erkent naar Halt
  verwijzen. Halt heeft een eigen wettelijke grondslag en is er nooit voor een volwassene.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Jongere van veertien met vastgelegde overlast
    Gegeven de personen:
      | id | leeftijd |
      | P4 | 14       |
    En de bevindingen:
      | id | soort    | personen | bron    |
      | F1 | overlast | P4       | politie |
    Als de casus wordt beoordeeld
    Dan is "I16b" juridisch mogelijk
    En heeft "I16b" het zorgpunt "toestemming-ouders"
    En heeft "I16b" het zorgpunt "erkenning-en-instemming"

  Scenario: Halt nooit voor een volwassene
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 19       |
    En de bevindingen:
      | id | soort    | personen | bron    |
      | F1 | overlast | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I16b" juridisch niet mogelijk

  Scenario: Geen Halt voor een kind onder de twaalf
    Gegeven de personen:
      | id | leeftijd |
      | P5 | 11       |
    En de bevindingen:
      | id | soort    | personen | bron    |
      | F1 | overlast | P5       | politie |
    Als de casus wordt beoordeeld
    Dan is "I16b" juridisch niet mogelijk

  Scenario: Minderjarig zonder precieze leeftijd: de leeftijd is nodig voor Halt
    Gegeven de personen:
      | id | minderjarig |
      | P6 | ja          |
    En de bevindingen:
      | id | soort    | personen | bron    |
      | F1 | overlast | P6       | politie |
    Als de casus wordt beoordeeld
    Dan is "I16b" juridisch onbekend
    En vraagt het advies "Hoe oud is deze persoon?"
