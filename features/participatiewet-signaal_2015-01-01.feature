# language: nl
Functionaliteit: Signaal aan de sociale dienst (Participatiewet)
  Heeft iemand met een uitkering vastgesteld onverklaarbaar vermogen of inkomen, dan kan de
  sociale dienst de uitkering herzien, terugvorderen of een boete opleggen. Het signaal mag
  alleen langs een wettelijke route worden gedeeld, en nooit met gegevens uit de zorg.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Uitkering en vastgesteld witwassignaal, gedeeld via de WGS
    Gegeven de personen:
      | id | leeftijd | uitkering |
      | P1 | 40       | ja        |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I22" juridisch mogelijk
    En heeft "I22" niet het zorgpunt "schulden-en-kinderen"

  Scenario: Geen uitkering
    Gegeven de personen:
      | id | leeftijd | uitkering |
      | P1 | 40       | nee       |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I22" juridisch niet mogelijk

  Scenario: Geen wettelijke route om het signaal te delen
    Gegeven de personen:
      | id | leeftijd | uitkering |
      | P1 | 40       | ja        |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | convenant                |
    Als de casus wordt beoordeeld
    Dan is "I22" juridisch niet mogelijk

  Scenario: Signaal alleen uit de zorg
    Gegeven de personen:
      | id | leeftijd | uitkering |
      | P1 | 40       | ja        |
    En de bevindingen:
      | id | soort         | personen | bron |
      | F1 | witwassignaal | P1       | zorg |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I22" juridisch niet mogelijk
    En heeft "I22" het zorgpunt "geen-zorggegevens"

  Scenario: Onbekend of de persoon een uitkering heeft
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I22" juridisch onbekend
    En vraagt het advies "uitkering"

  Scenario: Terugvordering raakt de kinderen in het huishouden
    Gegeven de personen:
      | id | leeftijd | uitkering |
      | P1 | 40       | ja        |
      | P4 | 8        |           |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P4   |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I22" juridisch mogelijk
    En heeft "I22" het zorgpunt "schulden-en-kinderen"

  Scenario: Een convenant alleen is geen route voor het signaal
    Gegeven de personen:
      | id | leeftijd | uitkering |
      | P1 | 44       | ja        |
    En de bevindingen:
      | id | soort         | personen | bron    |
      | F1 | witwassignaal | P1       | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | convenant                |
    Als de casus wordt beoordeeld
    Dan is "I22" juridisch niet mogelijk
    En heeft "I22" het zorgpunt "bedrag-onbekend"
