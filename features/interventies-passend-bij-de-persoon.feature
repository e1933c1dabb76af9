# language: nl
Functionaliteit: Interventies die passen bij de persoon
  Een slachtoffer wordt nooit als overtreder aangesproken; Halt is er alleen voor
  minderjarigen; gezinsregie veronderstelt een gezin (een gedeelde woning of een
  minderjarige). Elke brief en elk gesprek gaat naar een genoemde persoon, met een reden.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"
    En de casusgegevens:
      | doelen                             |
      | leefbare straat, werving voorkomen |

  Scenario: Een slachtoffer krijgt geen waarschuwingsbrief
    Gegeven de personen:
      | id | alias | leeftijd |
      | P1 | Sanne | 34       |
    En de bevindingen:
      | id | soort       | datum      | slachtoffers | bron    | bewezen |
      | F1 | intimidatie | 2026-02-01 | P1           | politie | ja      |
    Als de casus wordt beoordeeld
    Dan heeft "I14" het zorgpunt "slachtoffer-geen-brief"
    En staat "I14" in geen enkele combinatie

  Scenario: De dader krijgt de brief, het slachtoffer niet
    Gegeven de personen:
      | id | alias | leeftijd |
      | P1 | Sanne | 34       |
      | P2 | Tom   | 29       |
    En de bevindingen:
      | id | soort       | datum      | personen | slachtoffers | bron    | bewezen |
      | F1 | intimidatie | 2026-02-01 | P2       | P1           | politie | ja      |
    Als de casus wordt beoordeeld
    Dan heeft "I14" niet het zorgpunt "slachtoffer-geen-brief"
    En draagt de burgemeester "I14" in de eerste combinatie

  Scenario: Een volwassene krijgt geen Halt maar een bestuurlijk gesprek
    Gegeven de personen:
      | id | alias | leeftijd |
      | P1 | Kevin | 19       |
    En de bevindingen:
      | id | soort    | datum      | personen | bron    | bewezen |
      | F1 | overlast | 2026-02-01 | P1       | politie | ja      |
    Als de casus wordt beoordeeld
    Dan is "I16" juridisch niet mogelijk
    En is "I16b" juridisch niet mogelijk
    En staat "I16b" in geen enkele combinatie

  Scenario: Zonder gezinshuishouden geen gezinsregie
    Gegeven de personen:
      | id | alias | leeftijd | rol           |
      | K1 | Kevin | 19       | lid           |
      | O1 | Henk  | 48       | sleutelfiguur |
    En de bevindingen:
      | id | soort    | datum      | personen | bron    | bewezen |
      | F1 | overlast | 2026-02-01 | K1       | politie | ja      |
    Als de casus wordt beoordeeld
    Dan heeft "I17" het zorgpunt "geen-gezinshuishouden"
    En staat "I17" in geen enkele combinatie

  Scenario: Een gezin met een kind in huis kan gezinsregie krijgen
    Gegeven de personen:
      | id | alias | leeftijd | rol           |
      | P1 | Ron   | 44       | sleutelfiguur |
      | P3 | Mila  | 9        | kind          |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P3   |
    En de bevindingen:
      | id | soort    | datum      | personen | bron    | bewezen |
      | F1 | overlast | 2026-02-01 | P1       | politie | ja      |
    Als de casus wordt beoordeeld
    Dan heeft "I17" niet het zorgpunt "geen-gezinshuishouden"
