# language: nl
Functionaliteit: RIEC-casus en integraal casusoverleg (WGS)
  Partners mogen in een RIEC-casus gegevens delen als daarvoor een grondslag is in de Wet
  gegevensverwerking door samenwerkingsverbanden en er concrete aanwijzingen van ondermijning
  zijn die niet uit de zorg komen.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Concrete aanwijzingen van de politie en een WGS-grondslag
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I21" juridisch mogelijk
    En heeft "I21" het zorgpunt "geen-fishing"
    En heeft "I21" niet het zorgpunt "doelbinding-geen-zorggegevens"

  Scenario: Geen WGS-grondslag
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | convenant                |
    Als de casus wordt beoordeeld
    Dan is "I21" juridisch niet mogelijk

  Scenario: Alleen overlast is geen aanwijzing van ondermijning
    Gegeven de bevindingen:
      | id | soort    | bron    |
      | F1 | overlast | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I21" juridisch niet mogelijk

  Scenario: Aanwijzingen alleen uit de zorg
    Gegeven de bevindingen:
      | id | soort   | bron |
      | F1 | signaal | zorg |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I21" juridisch niet mogelijk
    En heeft "I21" het zorgpunt "doelbinding-geen-zorggegevens"

  Scenario: Onbekend op welke grondslag gegevens worden gedeeld
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    Als de casus wordt beoordeeld
    Dan is "I21" juridisch onbekend
