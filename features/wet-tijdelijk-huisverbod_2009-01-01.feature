# language: nl
Functionaliteit: Tijdelijk huisverbod (Wet tijdelijk huisverbod, I11)
  De burgemeester mag een meerderjarige die een ernstig en onmiddellijk gevaar is voor zijn
  huisgenoten tien dagen uit huis plaatsen. Nooit tegen een minderjarige; het is een
  middel tegen huiselijk geweld, niet tegen drugshandel.

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Meerderjarige die huisgenoten ernstig bedreigt
    Gegeven de personen:
      | id | leeftijd | gevaar voor huisgenoten |
      | P1 | 44       | ja                      |
      | P2 | 41       |                         |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P2   |
    En de bevindingen:
      | id | soort           | pand | personen | bron    |
      | F1 | huiselijk geweld | W1  | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I11" juridisch mogelijk

  Scenario: Nooit een huisverbod voor een minderjarige
    Gegeven de personen:
      | id | leeftijd | gevaar voor huisgenoten |
      | P4 | 16       | ja                      |
      | P2 | 41       | nee                     |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P4, P2   |
    En de bevindingen:
      | id | soort           | pand | personen | bron    |
      | F1 | huiselijk geweld | W1  | P4       | politie |
    Als de casus wordt beoordeeld
    Dan is "I11" juridisch niet mogelijk
    En heeft "I11" het zorgpunt "nooit-minderjarige"

  Scenario: Geen ernstig en onmiddellijk gevaar
    Gegeven de personen:
      | id | leeftijd | gevaar voor huisgenoten |
      | P1 | 44       | nee                     |
      | P2 | 41       | nee                     |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P2   |
    En de bevindingen:
      | id | soort           | pand | personen | bron    |
      | F1 | huiselijk geweld | W1  | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I11" juridisch niet mogelijk

  Scenario: Woont alleen: geen huisgenoten om te beschermen
    Gegeven de personen:
      | id | leeftijd | gevaar voor huisgenoten |
      | P1 | 44       | ja                      |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1       |
    En de bevindingen:
      | id | soort           | pand | personen | bron    |
      | F1 | huiselijk geweld | W1  | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I11" juridisch niet mogelijk

  Scenario: Alleen zorginformatie draagt geen huisverbod
    Gegeven de personen:
      | id | leeftijd | gevaar voor huisgenoten |
      | P1 | 44       | ja                      |
      | P2 | 41       |                         |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P2   |
    En de bevindingen:
      | id | soort           | pand | personen | bron |
      | F1 | huiselijk geweld | W1  | P1       | zorg |
    Als de casus wordt beoordeeld
    Dan is "I11" juridisch niet mogelijk
    En heeft "I11" het zorgpunt "zorggegevens-niet-als-grond"

  Scenario: Onbekend of er gevaar is voor huisgenoten
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 44       |
      | P2 | 41       |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P2   |
    En de bevindingen:
      | id | soort           | pand | personen | bron    |
      | F1 | huiselijk geweld | W1  | P1       | politie |
    Als de casus wordt beoordeeld
    Dan is "I11" juridisch onbekend
    En vraagt het advies "ernstig en onmiddellijk gevaar"

  Scenario: Kinderen in huis: Veilig Thuis raadplegen
    Gegeven de personen:
      | id | leeftijd | gevaar voor huisgenoten |
      | P1 | 44       | ja                      |
      | P3 | 9        |                         |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P3   |
    En de bevindingen:
      | id | soort           | pand | personen | bron    |
      | F1 | huiselijk geweld | W1  | P1       | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I11" het zorgpunt "kinderen-in-huis"

  Scenario: Een huisverbod is geen middel tegen drugshandel
    Gegeven de personen:
      | id | leeftijd | gevaar voor huisgenoten |
      | P1 | 44       | ja                      |
      | P2 | 41       |                         |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P2   |
    En de bevindingen:
      | id | soort  | pand | personen | bron    |
      | F1 | drugs  | W1   | P1       | politie |
    Als de casus wordt beoordeeld
    Dan heeft "I11" het zorgpunt "geen-drugsinstrument"

  Scenario: Feiten of omstandigheden die een ernstig vermoeden geven zijn genoeg, zonder vastgesteld geweld
    Gegeven de personen:
      | id | leeftijd | gevaar voor huisgenoten |
      | P1 | 40       | ja                      |
      | P2 | 38       |                         |
      | P3 | 6        |                         |
    En de panden:
      | id | soort  | gemeente      | bewoners   |
      | W1 | woning | voorbeeldstad | P1, P2, P3 |
    En de bevindingen:
      | id | soort       | personen | bron  | bewezen |
      | F1 | intimidatie | P1       | buren | nee     |
    Als de casus wordt beoordeeld
    Dan is "I11" juridisch mogelijk
    En heeft "I11" niet het zorgpunt "geen-drugsinstrument"
    En heeft "I11" het zorgpunt "motiveer-feiten-en-omstandigheden"

  Scenario: Minderjarig volgens de casus, ook zonder precieze leeftijd: nooit een huisverbod
    Gegeven de personen:
      | id | minderjarig | gevaar voor huisgenoten |
      | P1 | ja          | ja                      |
      | P2 | nee         | nee                     |
    En de panden:
      | id | soort  | gemeente      | bewoners |
      | W1 | woning | voorbeeldstad | P1, P2   |
    Als de casus wordt beoordeeld
    Dan is "I11" juridisch niet mogelijk
