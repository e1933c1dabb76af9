# language: nl
Functionaliteit: Damoclesbeleid Voorbeeldstad (beleidsregel art. 13b Opiumwet)
  Voorbeeldstad kiest per soort pand en soort drugs een escalatieladder. Bij softdrugs in een
  woning komt eerst een waarschuwingsbrief; volgt binnen vijf jaar een nieuwe vondst, dan
  sluit de burgemeester. Bij harddrugs of in een lokaal begint de ladder zwaarder. Na een
  sluiting stuurt de burgemeester een brief aan de buurt.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Eerste hennepvondst in een woning: eerst een waarschuwing
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 44       |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners |
      | W1 | woning | voorbeeldstad | eigendom | P1       |
    En de bevindingen:
      | id | soort | pand | personen | middel   | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | P1       | cannabis | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En noemt de uitleg van "I01" "trede 1 van 3: waarschuwing"
    En noemt de uitleg van "I01" "I14-waarschuwingsbrief voor, niet de sluiting zelf"

  Scenario: Nieuwe hennepvondst na een waarschuwingsbrief: sluiting
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 44       |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners |
      | W1 | woning | voorbeeldstad | eigendom | P1       |
    En de bevindingen:
      | id | soort | pand | personen | middel   | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | P1       | cannabis | II    | 120         | planten | politie |
    En de eerdere interventies:
      | id | soort                  | datum      | doelwit |
      | B1 | I14-waarschuwingsbrief | 2025-06-01 | W1      |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En noemt de uitleg van "I01" "trede 2 van 3: sluiting 3 maanden"

  Scenario: Een waarschuwing van meer dan vijf jaar geleden telt niet meer
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 44       |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners |
      | W1 | woning | voorbeeldstad | eigendom | P1       |
    En de bevindingen:
      | id | soort | pand | personen | middel   | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | P1       | cannabis | II    | 120         | planten | politie |
    En de eerdere interventies:
      | id | soort                  | datum      | doelwit |
      | B1 | I14-waarschuwingsbrief | 2019-06-01 | W1      |
    Als de casus wordt beoordeeld
    Dan noemt de uitleg van "I01" "trede 1 van 3: waarschuwing"

  Scenario: Harddrugs in een woning: direct sluiting
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 44       |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners |
      | W1 | woning | voorbeeldstad | eigendom | P1       |
    En de bevindingen:
      | id | soort | pand | personen | middel  | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | P1       | cocaïne | I     | 50      | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En noemt de uitleg van "I01" "trede 1 van 3: sluiting 3 maanden"

  Scenario: Softdrugs in een publiek lokaal: een trede zwaarder dan een woning
    Gegeven de panden:
      | id | soort  | openbaar | gemeente      |
      | W1 | lokaal | ja       | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | middel   | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | cannabis | II    | 500         | gram    | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En noemt de uitleg van "I01" "trede 1 van 2: sluiting 3 maanden"

  Scenario: Buurtbrief na een vastgestelde drugsvondst op een adres
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | middel   | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | cannabis | II    | 120         | planten | politie |
    Als de casus wordt beoordeeld
    Dan is "VS-buurtbrief-na-sluiting" juridisch mogelijk
    En heeft "VS-buurtbrief-na-sluiting" het zorgpunt "geen-namen"

  Scenario: Geen buurtbrief op grond van alleen meldingen van buren
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | middel   | lijst | hoeveelheid | eenheid | bron  |
      | F1 | drugs | W1   | cannabis | II    | 120         | planten | buren |
    Als de casus wordt beoordeeld
    Dan is "VS-buurtbrief-na-sluiting" juridisch niet mogelijk

  Scenario: Onbekend wie de drugsvondst heeft vastgesteld
    Gegeven de panden:
      | id | soort  | gemeente      |
      | W1 | woning | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | middel   | lijst | hoeveelheid | eenheid |
      | F1 | drugs | W1   | cannabis | II    | 120         | planten |
    Als de casus wordt beoordeeld
    Dan is "VS-buurtbrief-na-sluiting" juridisch onbekend

  Scenario: Softdrugs onder de handelshoeveelheid vallen niet onder de softdrugsladder
    Gegeven de panden:
      | id | soort  | gemeente      | huur     |
      | W1 | woning | voorbeeldstad | eigendom |
    En de bevindingen:
      | id | soort | pand | middel   | lijst | hoeveelheid | eenheid | handelsaanwijzingen | bron    |
      | F1 | drugs | W1   | cannabis | II    | 3           | gram    | ja                  | politie |
    Als de casus wordt beoordeeld
    Dan is "I01" juridisch mogelijk
    En noemt de uitleg van "I01" niet "Woning, softdrugs"

  Scenario: Hennepteeltmaterialen in een woning volgen de softdrugsladder: eerst een waarschuwing
    Gegeven de panden:
      | id | soort  | gemeente      | huur     |
      | W1 | woning | voorbeeldstad | eigendom |
    En de bevindingen:
      | id | soort         | pand | categorie   | productiedoel | bron    |
      | F1 | voorbereiding | W1   | hennepteelt | ja            | politie |
    Als de casus wordt beoordeeld
    Dan is "I02" juridisch mogelijk
    En noemt de uitleg van "I02" "trede 1 van 3: waarschuwing"

  Scenario: Materialen voor harddrugsproductie in een woning: direct sluiting
    Gegeven de panden:
      | id | soort  | gemeente      | huur     |
      | W1 | woning | voorbeeldstad | eigendom |
    En de bevindingen:
      | id | soort         | pand | categorie          | productiedoel | bron    |
      | F1 | voorbereiding | W1   | harddrugsproductie | ja            | politie |
    Als de casus wordt beoordeeld
    Dan noemt de uitleg van "I02" "trede 1 van 3: sluiting 3 maanden"

  Scenario: Softdrugs in een bedrijfspand volgen de lokaalladder
    Gegeven de panden:
      | id | soort        | openbaar | gemeente      |
      | B1 | bedrijfspand | nee      | voorbeeldstad |
    En de bevindingen:
      | id | soort | pand | middel   | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | B1   | cannabis | II    | 500         | gram    | politie |
    Als de casus wordt beoordeeld
    Dan noemt de uitleg van "I01" "trede 1 van 2: sluiting 3 maanden"
