# language: nl
Functionaliteit: Noodbevel (art. 175 Gemeentewet)
  Bij oproer, ernstige wanordelijkheden of rampen mag de burgemeester alle bevelen geven
  die nodig zijn om de openbare orde te handhaven. Alleen voor echte, acute noodsituaties.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Ernstig, acuut geweld vastgesteld door de politie
    Gegeven de bevindingen:
      | id | soort   | bron    | ernstig | acuut |
      | F1 | geweld  | politie | ja      | ja    |
    Als de casus wordt beoordeeld
    Dan is "I26" juridisch mogelijk
    En heeft "I26" het zorgpunt "alleen-echte-nood"

  Scenario: Acuut maar niet ernstig
    Gegeven de bevindingen:
      | id | soort          | bron    | ernstig | acuut |
      | F1 | ordeverstoring | politie | nee     | ja    |
    Als de casus wordt beoordeeld
    Dan is "I26" juridisch niet mogelijk

  Scenario: Ernstig maar niet meer acuut
    Gegeven de bevindingen:
      | id | soort  | bron    | ernstig | acuut |
      | F1 | wapens | politie | ja      | nee   |
    Als de casus wordt beoordeeld
    Dan is "I26" juridisch niet mogelijk

  Scenario: Onbekend of de situatie acuut is
    Gegeven de bevindingen:
      | id | soort       | bron    | ernstig |
      | F1 | explosieven | politie | ja      |
    Als de casus wordt beoordeeld
    Dan is "I26" juridisch onbekend

  Scenario: Een noodbevel dat een woning raakt krijgt een toets aan art. 8 EVRM
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort  | pand | bron    | ernstig | acuut |
      | F1 | geweld | W1   | politie | ja      | ja    |
    Als de casus wordt beoordeeld
    Dan is "I26" juridisch mogelijk
    En heeft "I26" het zorgpunt "art-8-evrm-woning"

  Scenario: Acuut geweld op straat raakt geen woning
    Gegeven de bevindingen:
      | id | soort  | plaats        | bron    | ernstig | acuut |
      | F1 | geweld | winkelcentrum | politie | ja      | ja    |
    Als de casus wordt beoordeeld
    Dan is "I26" juridisch mogelijk
    En heeft "I26" niet het zorgpunt "art-8-evrm-woning"
