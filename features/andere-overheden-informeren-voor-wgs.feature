# language: nl
Functionaliteit: Andere overheden informeren vóór de inwerkingtreding van de WGS
  De WGS geldt pas vanaf 1 maart 2025; daarvoor was zij geen grondslag om gegevens te delen.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2024-06-01"

  Scenario: De WGS was in 2024 nog geen grondslag
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch niet mogelijk
