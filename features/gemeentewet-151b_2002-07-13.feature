# language: nl
Functionaliteit: Aanwijzing veiligheidsrisicogebied (art. 151b Gemeentewet)
  De burgemeester mag een gebied aanwijzen waarin preventief gefouilleerd wordt, als de APV
  hem die bevoegdheid geeft en er door wapens de openbare orde is verstoord of ernstige vrees
  daarvoor bestaat.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Wapens aangetroffen, vrees voor herhaling en een APV-grondslag
    Gegeven de casusgegevens:
      | apv veiligheidsrisicogebied |
      | ja                          |
    En de bevindingen:
      | id | soort  | bron    | vrees voor herhaling |
      | F1 | wapens | politie | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I07" juridisch mogelijk
    En heeft "I07" het zorgpunt "niet-familiespecifiek"

  Scenario: Ernstige verstoring met explosieven
    Gegeven de casusgegevens:
      | apv veiligheidsrisicogebied |
      | ja                          |
    En de bevindingen:
      | id | soort       | bron    | ernstig |
      | F1 | explosieven | politie | ja      |
    Als de casus wordt beoordeeld
    Dan is "I07" juridisch mogelijk

  Scenario: De APV geeft de bevoegdheid niet
    Gegeven de casusgegevens:
      | apv veiligheidsrisicogebied |
      | nee                         |
    En de bevindingen:
      | id | soort  | bron    | vrees voor herhaling |
      | F1 | wapens | politie | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I07" juridisch niet mogelijk

  Scenario: Wapens alleen gemeld door buren
    Gegeven de casusgegevens:
      | apv veiligheidsrisicogebied |
      | ja                          |
    En de bevindingen:
      | id | soort  | bron  | vrees voor herhaling |
      | F1 | wapens | buren | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I07" juridisch niet mogelijk

  Scenario: Geen wapens maar alleen overlast
    Gegeven de casusgegevens:
      | apv veiligheidsrisicogebied |
      | ja                          |
    En de bevindingen:
      | id | soort    | bron    | ernstig | vrees voor herhaling |
      | F1 | overlast | politie | ja      | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I07" juridisch niet mogelijk

  Scenario: Onbekend of de APV de bevoegdheid geeft
    Gegeven de bevindingen:
      | id | soort  | bron    | vrees voor herhaling |
      | F1 | wapens | politie | ja                   |
    Als de casus wordt beoordeeld
    Dan is "I07" juridisch onbekend
