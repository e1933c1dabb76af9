# language: nl
Functionaliteit: Andere overheden informeren bij een vermoeden van criminaliteit
  De gemeente kan andere overheden waarschuwen zodat zij het netwerk niet onbedoeld helpen.
  Dat mag alleen met een vermoeden dat niet uit zorggegevens komt, en persoonsgegevens gaan
  alleen mee langs een wettelijke route.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Vermoeden van de politie, gedeeld via de WGS
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wgs                      |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch mogelijk
    En heeft "I24" niet het zorgpunt "grondslag-voor-deling"
    En heeft "I24" niet het zorgpunt "geen-zorggegevens"

  Scenario: Vermoeden alleen uit de zorg
    Gegeven de bevindingen:
      | id | soort   | bron |
      | F1 | signaal | zorg |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch niet mogelijk
    En heeft "I24" het zorgpunt "geen-zorggegevens"

  Scenario: Alleen overlast is geen vermoeden van criminaliteit
    Gegeven de bevindingen:
      | id | soort    | bron    |
      | F1 | overlast | politie |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch niet mogelijk

  Scenario: Onbekend waar het vermoeden vandaan komt
    Gegeven de bevindingen:
      | id | soort   |
      | F1 | signaal |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch onbekend

  Scenario: Geen wettelijke route voor het delen van persoonsgegevens
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | geen                     |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch niet mogelijk
    En heeft "I24" het zorgpunt "grondslag-voor-deling"

  Scenario: Een convenant alleen is geen grondslag voor gegevens over strafbare feiten
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | convenant                |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch niet mogelijk
    En heeft "I24" het zorgpunt "grondslag-voor-deling"

  Scenario: Onbekende grondslag: het advies vraagt ernaar
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch onbekend
    En vraagt het advies "wettelijke grondslag"

  Scenario: Langs de Wet Bibob
    Gegeven de bevindingen:
      | id | soort         | bron |
      | F1 | witwassignaal | lbb  |
    En de casusgegevens:
      | grondslag gegevensdeling |
      | wet bibob                |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch mogelijk

  Scenario: Het delen is geweigerd: het advies zegt wat dat uitsluit
    Gegeven de bevindingen:
      | id | soort         | bron    |
      | F1 | witwassignaal | politie |
    En de casusgegevens:
      | grondslag gegevensdeling | delen geweigerd |
      | wpg                      | ja              |
    Als de casus wordt beoordeeld
    Dan is "I24" juridisch mogelijk
    En heeft "I24" het zorgpunt "delen-geweigerd"
