# language: nl
Functionaliteit: Bevel bij acute verstoring van de openbare orde (art. 172 lid 3 Gemeentewet)
  De burgemeester mag bij een acute verstoring van de openbare orde, of ernstige vrees
  daarvoor, de bevelen geven die nodig zijn om haar te beëindigen.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Acute ordeverstoring vastgesteld door de politie
    Gegeven de bevindingen:
      | id | soort          | bron    | acuut |
      | F1 | ordeverstoring | politie | ja    |
    Als de casus wordt beoordeeld
    Dan is "I06" juridisch mogelijk

  Scenario: De verstoring is voorbij
    Gegeven de bevindingen:
      | id | soort          | bron    | acuut |
      | F1 | ordeverstoring | politie | nee   |
    Als de casus wordt beoordeeld
    Dan is "I06" juridisch niet mogelijk

  Scenario: Alleen gemeld door buren
    Gegeven de bevindingen:
      | id | soort          | bron  | acuut |
      | F1 | ordeverstoring | buren | ja    |
    Als de casus wordt beoordeeld
    Dan is "I06" juridisch niet mogelijk

  Scenario: Onbekend of de situatie acuut is
    Gegeven de bevindingen:
      | id | soort          | bron    |
      | F1 | ordeverstoring | politie |
    Als de casus wordt beoordeeld
    Dan is "I06" juridisch onbekend

  Scenario: Het bevel is geen omweg om zwaardere bevoegdheden te ontlopen
    Gegeven de bevindingen:
      | id | soort          | bron    | acuut |
      | F1 | ordeverstoring | politie | ja    |
    Als de casus wordt beoordeeld
    Dan heeft "I06" het zorgpunt "geen-omweg"
