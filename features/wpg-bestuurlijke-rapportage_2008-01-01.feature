# language: nl
Functionaliteit: Bestuurlijke rapportage van de politie (Wet politiegegevens)
  De burgemeester mag de politie om een bestuurlijke rapportage vragen als hij aanwijzingen
  heeft die hij nodig heeft voor de openbare orde of een bestuurlijke bevoegdheid. Gegevens
  uit de zorg zijn daarvoor geen basis.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Meldingen van buren over overlast
    Gegeven de bevindingen:
      | id | soort    | bron  |
      | F1 | overlast | buren |
    Als de casus wordt beoordeeld
    Dan is "I20" juridisch mogelijk
    En heeft "I20" het zorgpunt "doelbinding"
    En heeft "I20" niet het zorgpunt "geen-cie"

  Scenario: Alleen een signaal uit de zorg
    Gegeven de bevindingen:
      | id | soort   | bron |
      | F1 | signaal | zorg |
    Als de casus wordt beoordeeld
    Dan is "I20" juridisch niet mogelijk

  Scenario: Onbekend waar de aanwijzing vandaan komt
    Gegeven de bevindingen:
      | id | soort   |
      | F1 | signaal |
    Als de casus wordt beoordeeld
    Dan is "I20" juridisch onbekend

  Scenario: CIE-informatie is geen grondslag voor een besluit
    Gegeven de bevindingen:
      | id | soort | bron       |
      | F1 | drugs | informatie |
    Als de casus wordt beoordeeld
    Dan is "I20" juridisch mogelijk
    En heeft "I20" het zorgpunt "geen-cie"
