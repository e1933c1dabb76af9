# language: nl
Functionaliteit: Gezinsregie: één gezin, één plan, één regisseur (I17)
  Het college biedt het gezin integrale hulp (Jeugdwet art. 2.1 en 2.3). Gezinsregie is
  vrijwillig; handhaving blijft gescheiden.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Een gezin met kinderen krijgt gezinsregie aangeboden
    Gegeven de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
      | P3 | 9        | kind          |
    Als de casus wordt beoordeeld
    Dan is "I17" juridisch mogelijk

  Scenario: Zonder gezinsleden is er niemand om hulp aan te bieden
    Gegeven de bevindingen:
      | id | soort   | bron    |
      | F1 | signaal | politie |
    Als de casus wordt beoordeeld
    Dan is "I17" juridisch niet mogelijk

  Scenario: Gezinsregie is vrijwillig
    Gegeven de personen:
      | id | leeftijd | rol     |
      | P2 | 41       | partner |
    Als de casus wordt beoordeeld
    Dan heeft "I17" het zorgpunt "vrijwilligheid"

  Scenario: Het college draagt gezinsregie, niet de burgemeester
    Gegeven de casusgegevens:
      | doelen             |
      | kinderen beschermen |
    En de personen:
      | id | leeftijd | rol           |
      | P1 | 44       | sleutelfiguur |
      | P3 | 9        | kind          |
    Als de casus wordt beoordeeld
    Dan is het college van burgemeester en wethouders bevoegd voor "I17"
    En draagt het college van burgemeester en wethouders "I17" in de eerste combinatie
