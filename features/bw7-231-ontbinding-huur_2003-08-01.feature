# language: nl
Functionaliteit: Ontbinding van de huur (art. 7:231 BW)
  Na een daadwerkelijke sluiting die lid 2 noemt (art. 13b Opiumwet wegens handel, art. 174a
  of een APV op grond van art. 174 Gemeentewet wegens gedragingen in het gehuurde, of de
  Woningwet) mag de verhuurder de huur buiten de rechter om ontbinden (lid 2). Een voornemen tot sluiting is
  daarvoor niet genoeg. Bij een tekortkoming, zoals een hennepkwekerij, kan de verhuurder de
  rechter om ontbinding vragen (lid 1).

  Achtergrond:
    Gegeven een casus in gemeente "voorbeeldstad" met peildatum "2026-03-01"

  Scenario: Sociale huurwoning die daadwerkelijk is gesloten
    Gegeven de personen:
      | id | leeftijd | verwijtbaar |
      | P1 | 40       | ja          |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    En de eerdere interventies:
      | id | soort                       | datum      | doelwit | uitgevoerd |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch mogelijk
    En heeft "I13-ontbinding-huur-na-sluiting" het zorgpunt "dakloosheid"

  Scenario: Alleen een voornemen tot sluiting is niet genoeg
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    En de eerdere interventies:
      | id | soort                       | datum      | doelwit | uitgevoerd |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      | nee        |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch niet mogelijk

  Scenario: Een ingetrokken horecavergunning is geen sluiting
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    En de eerdere interventies:
      | id | soort                           | datum      | doelwit | uitgevoerd |
      | S1 | I09-exploitatievergunning-horeca | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch niet mogelijk

  Scenario: Een sluiting op grond van de APV (art. 174 Gemeentewet) telt wel
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    En de eerdere interventies:
      | id | soort            | datum      | doelwit | uitgevoerd |
      | S1 | sluiting-174-apv | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch mogelijk

  Scenario: Een waarschuwingsbrief is geen sluiting
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    En de eerdere interventies:
      | id | soort                  | datum      | doelwit | uitgevoerd |
      | B1 | I14-waarschuwingsbrief | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch niet mogelijk

  Scenario: Een koopwoning wordt niet gehuurd
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de panden:
      | id | soort  | gemeente      | huur     | bewoners |
      | W1 | woning | voorbeeldstad | eigendom | P1       |
    En de eerdere interventies:
      | id | soort                       | datum      | doelwit | uitgevoerd |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch niet mogelijk

  Scenario: Onbekend of de sluiting echt is uitgevoerd
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    En de eerdere interventies:
      | id | soort                       | datum      | doelwit |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch onbekend
    En vraagt het advies "daadwerkelijk"

  Scenario: Kinderen en een medebewoner zonder verwijt na een sluiting
    Gegeven de personen:
      | id | leeftijd | verwijtbaar |
      | P1 | 40       | ja          |
      | P2 | 38       | nee         |
      | P3 | 9        |             |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners   |
      | W1 | woning | voorbeeldstad | sociale huur | P1, P2, P3 |
    En de eerdere interventies:
      | id | soort                          | datum      | doelwit | uitgevoerd | grond |
      | S1 | I03-sluiting-174a-openbare-orde | 2026-01-15 | W1      | ja         | a     |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch mogelijk
    En heeft "I13-ontbinding-huur-na-sluiting" het zorgpunt "kinderen"
    En heeft "I13-ontbinding-huur-na-sluiting" het zorgpunt "onschuldige-medebewoner"

  Scenario: Hennepkwekerij in een huurwoning: ontbinding via de rechter
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
      | P3 | 9        |
    En de panden:
      | id | soort  | gemeente      | huur              | bewoners |
      | W1 | woning | voorbeeldstad | particuliere huur | P1, P3   |
    En de bevindingen:
      | id | soort | pand | middel   | lijst | hoeveelheid | eenheid | bron    |
      | F1 | drugs | W1   | hennep   | II    | 200         | planten | politie |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-via-rechter" juridisch mogelijk
    En is "I13-ontbinding-huur-na-sluiting" juridisch niet mogelijk
    En heeft "I13-ontbinding-huur-via-rechter" het zorgpunt "redelijkheid-billijkheid"

  Scenario: Hennep alleen gemeld door buren is geen vastgestelde tekortkoming
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de panden:
      | id | soort  | gemeente      | huur              | bewoners |
      | W1 | woning | voorbeeldstad | particuliere huur | P1       |
    En de bevindingen:
      | id | soort | pand | middel | lijst | hoeveelheid | eenheid | bron  |
      | F1 | drugs | W1   | hennep | II    | 200         | planten | buren |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-via-rechter" juridisch niet mogelijk

  Scenario: Een sluiting wegens voorbereidingshandelingen (art. 13b sub b) geeft geen buitengerechtelijke ontbinding
    Gegeven de panden:
      | id | soort  | gemeente      | huur         |
      | W1 | woning | voorbeeldstad | sociale huur |
    En de eerdere interventies:
      | id | soort                                      | datum      | doelwit | uitgevoerd |
      | S1 | I02-sluiting-13b-voorbereidingshandelingen | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch niet mogelijk

  Scenario: Een 174a-sluiting wegens een schietpartij (b-grond) telt niet voor lid 2
    Gegeven de panden:
      | id | soort  | gemeente      | huur              |
      | W1 | woning | voorbeeldstad | particuliere huur |
    En de eerdere interventies:
      | id | soort                          | datum      | doelwit | uitgevoerd | grond |
      | S1 | I03-sluiting-174a-openbare-orde | 2026-01-15 | W1      | ja         | b     |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch niet mogelijk

  Scenario: Een 174a-sluiting wegens gedragingen in het gehuurde (a-grond) telt wel
    Gegeven de panden:
      | id | soort  | gemeente      | huur |
      | W1 | woning | voorbeeldstad | huur |
    En de eerdere interventies:
      | id | soort                          | datum      | doelwit | uitgevoerd | grond |
      | S1 | I03-sluiting-174a-openbare-orde | 2026-01-15 | W1      | ja         | a     |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch mogelijk

  Scenario: Onbekend op welke grond de 174a-sluiting berust
    Gegeven de panden:
      | id | soort  | gemeente      | huur         |
      | W1 | woning | voorbeeldstad | sociale huur |
    En de eerdere interventies:
      | id | soort                          | datum      | doelwit | uitgevoerd |
      | S1 | I03-sluiting-174a-openbare-orde | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch onbekend
    En vraagt het advies "daadwerkelijk gesloten"

  Scenario: De verhuurder is bevoegd, niet de burgemeester: de ontbinding is een gevolg van de sluiting
    Gegeven de casusgegevens:
      | doelen                |
      | stoppen criminaliteit |
    En de personen:
      | id | leeftijd | rol           | verwijtbaar |
      | P1 | 44       | sleutelfiguur | ja          |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners | medische praktijk |
      | W1 | woning | voorbeeldstad | sociale huur | P1       | nee               |
    En de bevindingen:
      | id | soort | pand | personen | middel  | lijst | hoeveelheid | eenheid | bron    | bewezen |
      | F1 | drugs | W1   | P1       | cocaïne | I     | 12          | gram    | politie | ja      |
    En de eerdere interventies:
      | id | soort                  | datum      | doelwit |
      | B1 | I14-waarschuwingsbrief | 2025-06-01 | W1      |
    Als de casus wordt beoordeeld
    Dan is de burgemeester bevoegd voor "I01"
    En is de verhuurder bevoegd voor "I13-ontbinding-huur-na-sluiting"
    En is de verhuurder bevoegd voor "I13-ontbinding-huur-via-rechter"
    En noemt de eerste combinatie "I13-ontbinding-huur-na-sluiting" als gevolg van "I01"
    En staat "I13-ontbinding-huur-na-sluiting" in geen enkele combinatie
    En staat "I13-ontbinding-huur-via-rechter" in geen enkele combinatie

  Scenario: Ook na een uitgevoerde sluiting beveelt het advies de ontbinding niet aan
    Gegeven de casusgegevens:
      | doelen                |
      | stoppen criminaliteit |
    En de personen:
      | id | leeftijd | verwijtbaar |
      | P1 | 40       | ja          |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    En de eerdere interventies:
      | id | soort                        | datum      | doelwit | uitgevoerd |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch mogelijk
    En staat "I13-ontbinding-huur-na-sluiting" in geen enkele combinatie

  Scenario: Zonder sluiting vraagt het advies niet of een medebewoner iets te verwijten valt
    Gegeven de personen:
      | id | leeftijd |
      | P1 | 40       |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners |
      | W1 | woning | voorbeeldstad | sociale huur | P1       |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch niet mogelijk
    En vraagt het advies niet "Wist deze persoon van de overtreding"

  Scenario: Opvang aangeboden: de dakloosheid na ontbinding is ondervangen, een zwarte lijst weegt zwaarder
    Gegeven de personen:
      | id | leeftijd | verwijtbaar |
      | P1 | 40       | ja          |
    En de panden:
      | id | soort  | gemeente      | huur         | bewoners | opvang aangeboden | zwarte lijst |
      | W1 | woning | voorbeeldstad | sociale huur | P1       | ja                | ja           |
    En de eerdere interventies:
      | id | soort                       | datum      | doelwit | uitgevoerd |
      | S1 | I01-sluiting-13b-drugshandel | 2026-01-15 | W1      | ja         |
    Als de casus wordt beoordeeld
    Dan is "I13-ontbinding-huur-na-sluiting" juridisch mogelijk
    En heeft "I13-ontbinding-huur-na-sluiting" niet het zorgpunt "dakloosheid"
    En heeft "I13-ontbinding-huur-na-sluiting" het zorgpunt "opvang-aangeboden"
    En heeft "I13-ontbinding-huur-na-sluiting" het zorgpunt "zwarte-lijst-verhuurder"
