# language: nl
Functionaliteit: Waarschuwingsbrief van de burgemeester (I14)
  Een signaal of zorg over het netwerk is genoeg voor een waarschuwingsbrief; het is de
  eerste stap van de Damocles-ladder. Noem geen onbewezen feiten.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Een signaal over het netwerk is genoeg
    Gegeven de bevindingen:
      | id | soort   | bron    |
      | F1 | signaal | politie |
    Als de casus wordt beoordeeld
    Dan is "I14" juridisch mogelijk

  Scenario: Zonder enig signaal geen brief
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 30       |
    Als de casus wordt beoordeeld
    Dan is "I14" juridisch niet mogelijk

  Scenario: Signaal uit informatie van buren: geen onbewezen feiten in de brief
    Gegeven de bevindingen:
      | id | soort   | bron  |
      | F1 | overlast | buren |
    Als de casus wordt beoordeeld
    Dan is "I14" juridisch mogelijk
    En heeft "I14" het zorgpunt "geen-onbewezen-feiten"

  Scenario: Signaal uit inlichtingen: geen onbewezen feiten in de brief
    Gegeven de bevindingen:
      | id | soort   | bron       |
      | F1 | signaal | informatie |
    Als de casus wordt beoordeeld
    Dan heeft "I14" het zorgpunt "geen-onbewezen-feiten"

  Scenario: Vastgestelde feiten in een bestuurlijke rapportage
    Gegeven de bevindingen:
      | id | soort | lijst | hoeveelheid | eenheid | bron                    |
      | F1 | drugs | II    | 120         | planten | bestuurlijke rapportage |
    Als de casus wordt beoordeeld
    Dan is "I14" juridisch mogelijk
    En heeft "I14" niet het zorgpunt "geen-onbewezen-feiten"

  Scenario: Zorggegevens dragen geen waarschuwingsbrief
    Gegeven de bevindingen:
      | id | soort   | bron |
      | F1 | signaal | zorg |
    Als de casus wordt beoordeeld
    Dan is "I14" juridisch niet mogelijk

  Scenario: Informatie onder beroepsgeheim draagt geen waarschuwingsbrief
    Gegeven de bevindingen:
      | id | soort   | bron    | beroepsgeheim |
      | F1 | signaal | politie | ja            |
    Als de casus wordt beoordeeld
    Dan is "I14" juridisch niet mogelijk
