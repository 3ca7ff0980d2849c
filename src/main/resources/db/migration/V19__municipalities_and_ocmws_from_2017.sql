-- The measure started on 1 January 2017: the 308 Flemish municipalities of 2017-2018 and their
-- OCMWs, before the 2019 mergers (15 municipalities into 7: Puurs-Sint-Amands, Kruisem, Lievegem,
-- Pelt, Oudsbergen, Aalter, Deinze). Issue 19.
-- Source: Statbel REFNIS codes (CC BY 4.0) via Provincies in Cijfers (provinciesincijfers/
-- gebiedsniveaus, gebiedsdefinities/gemeente2018), copied from shared/reference/
-- vlaamse_gemeenten_2017_2018.csv and fusies_2017_2018_naar_2019.csv. Bron: Statbel (REFNIS-codes).
create temporary table municipality_2017 (
    nis_code          varchar(5) primary key,
    name              text       not null,
    province_nis_code varchar(5) not null,
    nis_code_2019     varchar(5) not null
) on commit drop;

insert into municipality_2017 (nis_code, name, province_nis_code, nis_code_2019) values
    ('11001', 'Aartselaar', '10000', '11001'),
    ('11002', 'Antwerpen', '10000', '11002'),
    ('11004', 'Boechout', '10000', '11004'),
    ('11005', 'Boom', '10000', '11005'),
    ('11007', 'Borsbeek', '10000', '11007'),
    ('11008', 'Brasschaat', '10000', '11008'),
    ('11009', 'Brecht', '10000', '11009'),
    ('11013', 'Edegem', '10000', '11013'),
    ('11016', 'Essen', '10000', '11016'),
    ('11018', 'Hemiksem', '10000', '11018'),
    ('11021', 'Hove', '10000', '11021'),
    ('11022', 'Kalmthout', '10000', '11022'),
    ('11023', 'Kapellen', '10000', '11023'),
    ('11024', 'Kontich', '10000', '11024'),
    ('11025', 'Lint', '10000', '11025'),
    ('11029', 'Mortsel', '10000', '11029'),
    ('11030', 'Niel', '10000', '11030'),
    ('11035', 'Ranst', '10000', '11035'),
    ('11037', 'Rumst', '10000', '11037'),
    ('11038', 'Schelle', '10000', '11038'),
    ('11039', 'Schilde', '10000', '11039'),
    ('11040', 'Schoten', '10000', '11040'),
    ('11044', 'Stabroek', '10000', '11044'),
    ('11050', 'Wijnegem', '10000', '11050'),
    ('11052', 'Wommelgem', '10000', '11052'),
    ('11053', 'Wuustwezel', '10000', '11053'),
    ('11054', 'Zandhoven', '10000', '11054'),
    ('11055', 'Zoersel', '10000', '11055'),
    ('11056', 'Zwijndrecht', '10000', '11056'),
    ('11057', 'Malle', '10000', '11057'),
    ('12002', 'Berlaar', '10000', '12002'),
    ('12005', 'Bonheiden', '10000', '12005'),
    ('12007', 'Bornem', '10000', '12007'),
    ('12009', 'Duffel', '10000', '12009'),
    ('12014', 'Heist-op-den-Berg', '10000', '12014'),
    ('12021', 'Lier', '10000', '12021'),
    ('12025', 'Mechelen', '10000', '12025'),
    ('12026', 'Nijlen', '10000', '12026'),
    ('12029', 'Putte', '10000', '12029'),
    ('12030', 'Puurs', '10000', '12041'),
    ('12034', 'Sint-Amands', '10000', '12041'),
    ('12035', 'Sint-Katelijne-Waver', '10000', '12035'),
    ('12040', 'Willebroek', '10000', '12040'),
    ('13001', 'Arendonk', '10000', '13001'),
    ('13002', 'Baarle-Hertog', '10000', '13002'),
    ('13003', 'Balen', '10000', '13003'),
    ('13004', 'Beerse', '10000', '13004'),
    ('13006', 'Dessel', '10000', '13006'),
    ('13008', 'Geel', '10000', '13008'),
    ('13010', 'Grobbendonk', '10000', '13010'),
    ('13011', 'Herentals', '10000', '13011'),
    ('13012', 'Herenthout', '10000', '13012'),
    ('13013', 'Herselt', '10000', '13013'),
    ('13014', 'Hoogstraten', '10000', '13014'),
    ('13016', 'Hulshout', '10000', '13016'),
    ('13017', 'Kasterlee', '10000', '13017'),
    ('13019', 'Lille', '10000', '13019'),
    ('13021', 'Meerhout', '10000', '13021'),
    ('13023', 'Merksplas', '10000', '13023'),
    ('13025', 'Mol', '10000', '13025'),
    ('13029', 'Olen', '10000', '13029'),
    ('13031', 'Oud-Turnhout', '10000', '13031'),
    ('13035', 'Ravels', '10000', '13035'),
    ('13036', 'Retie', '10000', '13036'),
    ('13037', 'Rijkevorsel', '10000', '13037'),
    ('13040', 'Turnhout', '10000', '13040'),
    ('13044', 'Vorselaar', '10000', '13044'),
    ('13046', 'Vosselaar', '10000', '13046'),
    ('13049', 'Westerlo', '10000', '13049'),
    ('13053', 'Laakdal', '10000', '13053'),
    ('23002', 'Asse', '20001', '23002'),
    ('23003', 'Beersel', '20001', '23003'),
    ('23009', 'Bever', '20001', '23009'),
    ('23016', 'Dilbeek', '20001', '23016'),
    ('23023', 'Galmaarden', '20001', '23023'),
    ('23024', 'Gooik', '20001', '23024'),
    ('23025', 'Grimbergen', '20001', '23025'),
    ('23027', 'Halle', '20001', '23027'),
    ('23032', 'Herne', '20001', '23032'),
    ('23033', 'Hoeilaart', '20001', '23033'),
    ('23038', 'Kampenhout', '20001', '23038'),
    ('23039', 'Kapelle-op-den-Bos', '20001', '23039'),
    ('23044', 'Liedekerke', '20001', '23044'),
    ('23045', 'Londerzeel', '20001', '23045'),
    ('23047', 'Machelen', '20001', '23047'),
    ('23050', 'Meise', '20001', '23050'),
    ('23052', 'Merchtem', '20001', '23052'),
    ('23060', 'Opwijk', '20001', '23060'),
    ('23062', 'Overijse', '20001', '23062'),
    ('23064', 'Pepingen', '20001', '23064'),
    ('23077', 'Sint-Pieters-Leeuw', '20001', '23077'),
    ('23081', 'Steenokkerzeel', '20001', '23081'),
    ('23086', 'Ternat', '20001', '23086'),
    ('23088', 'Vilvoorde', '20001', '23088'),
    ('23094', 'Zaventem', '20001', '23094'),
    ('23096', 'Zemst', '20001', '23096'),
    ('23097', 'Roosdaal', '20001', '23097'),
    ('23098', 'Drogenbos', '20001', '23098'),
    ('23099', 'Kraainem', '20001', '23099'),
    ('23100', 'Linkebeek', '20001', '23100'),
    ('23101', 'Sint-Genesius-Rode', '20001', '23101'),
    ('23102', 'Wemmel', '20001', '23102'),
    ('23103', 'Wezembeek-Oppem', '20001', '23103'),
    ('23104', 'Lennik', '20001', '23104'),
    ('23105', 'Affligem', '20001', '23105'),
    ('24001', 'Aarschot', '20001', '24001'),
    ('24007', 'Begijnendijk', '20001', '24007'),
    ('24008', 'Bekkevoort', '20001', '24008'),
    ('24009', 'Bertem', '20001', '24009'),
    ('24011', 'Bierbeek', '20001', '24011'),
    ('24014', 'Boortmeerbeek', '20001', '24014'),
    ('24016', 'Boutersem', '20001', '24016'),
    ('24020', 'Diest', '20001', '24020'),
    ('24028', 'Geetbets', '20001', '24028'),
    ('24033', 'Haacht', '20001', '24033'),
    ('24038', 'Herent', '20001', '24038'),
    ('24041', 'Hoegaarden', '20001', '24041'),
    ('24043', 'Holsbeek', '20001', '24043'),
    ('24045', 'Huldenberg', '20001', '24045'),
    ('24048', 'Keerbergen', '20001', '24048'),
    ('24054', 'Kortenaken', '20001', '24054'),
    ('24055', 'Kortenberg', '20001', '24055'),
    ('24059', 'Landen', '20001', '24059'),
    ('24062', 'Leuven', '20001', '24062'),
    ('24066', 'Lubbeek', '20001', '24066'),
    ('24086', 'Oud-Heverlee', '20001', '24086'),
    ('24094', 'Rotselaar', '20001', '24094'),
    ('24104', 'Tervuren', '20001', '24104'),
    ('24107', 'Tienen', '20001', '24107'),
    ('24109', 'Tremelo', '20001', '24109'),
    ('24130', 'Zoutleeuw', '20001', '24130'),
    ('24133', 'Linter', '20001', '24133'),
    ('24134', 'Scherpenheuvel-Zichem', '20001', '24134'),
    ('24135', 'Tielt-Winge', '20001', '24135'),
    ('24137', 'Glabbeek', '20001', '24137'),
    ('31003', 'Beernem', '30000', '31003'),
    ('31004', 'Blankenberge', '30000', '31004'),
    ('31005', 'Brugge', '30000', '31005'),
    ('31006', 'Damme', '30000', '31006'),
    ('31012', 'Jabbeke', '30000', '31012'),
    ('31022', 'Oostkamp', '30000', '31022'),
    ('31033', 'Torhout', '30000', '31033'),
    ('31040', 'Zedelgem', '30000', '31040'),
    ('31042', 'Zuienkerke', '30000', '31042'),
    ('31043', 'Knokke-Heist', '30000', '31043'),
    ('32003', 'Diksmuide', '30000', '32003'),
    ('32006', 'Houthulst', '30000', '32006'),
    ('32010', 'Koekelare', '30000', '32010'),
    ('32011', 'Kortemark', '30000', '32011'),
    ('32030', 'Lo-Reninge', '30000', '32030'),
    ('33011', 'Ieper', '30000', '33011'),
    ('33016', 'Mesen', '30000', '33016'),
    ('33021', 'Poperinge', '30000', '33021'),
    ('33029', 'Wervik', '30000', '33029'),
    ('33037', 'Zonnebeke', '30000', '33037'),
    ('33039', 'Heuvelland', '30000', '33039'),
    ('33040', 'Langemark-Poelkapelle', '30000', '33040'),
    ('33041', 'Vleteren', '30000', '33041'),
    ('34002', 'Anzegem', '30000', '34002'),
    ('34003', 'Avelgem', '30000', '34003'),
    ('34009', 'Deerlijk', '30000', '34009'),
    ('34013', 'Harelbeke', '30000', '34013'),
    ('34022', 'Kortrijk', '30000', '34022'),
    ('34023', 'Kuurne', '30000', '34023'),
    ('34025', 'Lendelede', '30000', '34025'),
    ('34027', 'Menen', '30000', '34027'),
    ('34040', 'Waregem', '30000', '34040'),
    ('34041', 'Wevelgem', '30000', '34041'),
    ('34042', 'Zwevegem', '30000', '34042'),
    ('34043', 'Spiere-Helkijn', '30000', '34043'),
    ('35002', 'Bredene', '30000', '35002'),
    ('35005', 'Gistel', '30000', '35005'),
    ('35006', 'Ichtegem', '30000', '35006'),
    ('35011', 'Middelkerke', '30000', '35011'),
    ('35013', 'Oostende', '30000', '35013'),
    ('35014', 'Oudenburg', '30000', '35014'),
    ('35029', 'De Haan', '30000', '35029'),
    ('36006', 'Hooglede', '30000', '36006'),
    ('36007', 'Ingelmunster', '30000', '36007'),
    ('36008', 'Izegem', '30000', '36008'),
    ('36010', 'Ledegem', '30000', '36010'),
    ('36011', 'Lichtervelde', '30000', '36011'),
    ('36012', 'Moorslede', '30000', '36012'),
    ('36015', 'Roeselare', '30000', '36015'),
    ('36019', 'Staden', '30000', '36019'),
    ('37002', 'Dentergem', '30000', '37002'),
    ('37007', 'Meulebeke', '30000', '37007'),
    ('37010', 'Oostrozebeke', '30000', '37010'),
    ('37011', 'Pittem', '30000', '37011'),
    ('37012', 'Ruiselede', '30000', '37012'),
    ('37015', 'Tielt', '30000', '37015'),
    ('37017', 'Wielsbeke', '30000', '37017'),
    ('37018', 'Wingene', '30000', '37018'),
    ('37020', 'Ardooie', '30000', '37020'),
    ('38002', 'Alveringem', '30000', '38002'),
    ('38008', 'De Panne', '30000', '38008'),
    ('38014', 'Koksijde', '30000', '38014'),
    ('38016', 'Nieuwpoort', '30000', '38016'),
    ('38025', 'Veurne', '30000', '38025'),
    ('41002', 'Aalst', '40000', '41002'),
    ('41011', 'Denderleeuw', '40000', '41011'),
    ('41018', 'Geraardsbergen', '40000', '41018'),
    ('41024', 'Haaltert', '40000', '41024'),
    ('41027', 'Herzele', '40000', '41027'),
    ('41034', 'Lede', '40000', '41034'),
    ('41048', 'Ninove', '40000', '41048'),
    ('41063', 'Sint-Lievens-Houtem', '40000', '41063'),
    ('41081', 'Zottegem', '40000', '41081'),
    ('41082', 'Erpe-Mere', '40000', '41082'),
    ('42003', 'Berlare', '40000', '42003'),
    ('42004', 'Buggenhout', '40000', '42004'),
    ('42006', 'Dendermonde', '40000', '42006'),
    ('42008', 'Hamme', '40000', '42008'),
    ('42010', 'Laarne', '40000', '42010'),
    ('42011', 'Lebbeke', '40000', '42011'),
    ('42023', 'Waasmunster', '40000', '42023'),
    ('42025', 'Wetteren', '40000', '42025'),
    ('42026', 'Wichelen', '40000', '42026'),
    ('42028', 'Zele', '40000', '42028'),
    ('43002', 'Assenede', '40000', '43002'),
    ('43005', 'Eeklo', '40000', '43005'),
    ('43007', 'Kaprijke', '40000', '43007'),
    ('43010', 'Maldegem', '40000', '43010'),
    ('43014', 'Sint-Laureins', '40000', '43014'),
    ('43018', 'Zelzate', '40000', '43018'),
    ('44001', 'Aalter', '40000', '44084'),
    ('44011', 'Deinze', '40000', '44083'),
    ('44012', 'De Pinte', '40000', '44012'),
    ('44013', 'Destelbergen', '40000', '44013'),
    ('44019', 'Evergem', '40000', '44019'),
    ('44020', 'Gavere', '40000', '44020'),
    ('44021', 'Gent', '40000', '44021'),
    ('44029', 'Knesselare', '40000', '44084'),
    ('44034', 'Lochristi', '40000', '44034'),
    ('44036', 'Lovendegem', '40000', '44085'),
    ('44040', 'Melle', '40000', '44040'),
    ('44043', 'Merelbeke', '40000', '44043'),
    ('44045', 'Moerbeke', '40000', '44045'),
    ('44048', 'Nazareth', '40000', '44048'),
    ('44049', 'Nevele', '40000', '44083'),
    ('44052', 'Oosterzele', '40000', '44052'),
    ('44064', 'Sint-Martens-Latem', '40000', '44064'),
    ('44072', 'Waarschoot', '40000', '44085'),
    ('44073', 'Wachtebeke', '40000', '44073'),
    ('44080', 'Zomergem', '40000', '44085'),
    ('44081', 'Zulte', '40000', '44081'),
    ('45017', 'Kruishoutem', '40000', '45068'),
    ('45035', 'Oudenaarde', '40000', '45035'),
    ('45041', 'Ronse', '40000', '45041'),
    ('45057', 'Zingem', '40000', '45068'),
    ('45059', 'Brakel', '40000', '45059'),
    ('45060', 'Kluisbergen', '40000', '45060'),
    ('45061', 'Wortegem-Petegem', '40000', '45061'),
    ('45062', 'Horebeke', '40000', '45062'),
    ('45063', 'Lierde', '40000', '45063'),
    ('45064', 'Maarkedal', '40000', '45064'),
    ('45065', 'Zwalm', '40000', '45065'),
    ('46003', 'Beveren', '40000', '46003'),
    ('46013', 'Kruibeke', '40000', '46013'),
    ('46014', 'Lokeren', '40000', '46014'),
    ('46020', 'Sint-Gillis-Waas', '40000', '46020'),
    ('46021', 'Sint-Niklaas', '40000', '46021'),
    ('46024', 'Stekene', '40000', '46024'),
    ('46025', 'Temse', '40000', '46025'),
    ('71002', 'As', '70000', '71002'),
    ('71004', 'Beringen', '70000', '71004'),
    ('71011', 'Diepenbeek', '70000', '71011'),
    ('71016', 'Genk', '70000', '71016'),
    ('71017', 'Gingelom', '70000', '71017'),
    ('71020', 'Halen', '70000', '71020'),
    ('71022', 'Hasselt', '70000', '71022'),
    ('71024', 'Herk-de-Stad', '70000', '71024'),
    ('71034', 'Leopoldsburg', '70000', '71034'),
    ('71037', 'Lummen', '70000', '71037'),
    ('71045', 'Nieuwerkerken', '70000', '71045'),
    ('71047', 'Opglabbeek', '70000', '72042'),
    ('71053', 'Sint-Truiden', '70000', '71053'),
    ('71057', 'Tessenderlo', '70000', '71057'),
    ('71066', 'Zonhoven', '70000', '71066'),
    ('71067', 'Zutendaal', '70000', '71067'),
    ('71069', 'Ham', '70000', '71069'),
    ('71070', 'Heusden-Zolder', '70000', '71070'),
    ('72003', 'Bocholt', '70000', '72003'),
    ('72004', 'Bree', '70000', '72004'),
    ('72018', 'Kinrooi', '70000', '72018'),
    ('72020', 'Lommel', '70000', '72020'),
    ('72021', 'Maaseik', '70000', '72021'),
    ('72025', 'Neerpelt', '70000', '72043'),
    ('72029', 'Overpelt', '70000', '72043'),
    ('72030', 'Peer', '70000', '72030'),
    ('72037', 'Hamont-Achel', '70000', '72037'),
    ('72038', 'Hechtel-Eksel', '70000', '72038'),
    ('72039', 'Houthalen-Helchteren', '70000', '72039'),
    ('72040', 'Meeuwen-Gruitrode', '70000', '72042'),
    ('72041', 'Dilsen-Stokkem', '70000', '72041'),
    ('73001', 'Alken', '70000', '73001'),
    ('73006', 'Bilzen', '70000', '73006'),
    ('73009', 'Borgloon', '70000', '73009'),
    ('73022', 'Heers', '70000', '73022'),
    ('73028', 'Herstappe', '70000', '73028'),
    ('73032', 'Hoeselt', '70000', '73032'),
    ('73040', 'Kortessem', '70000', '73040'),
    ('73042', 'Lanaken', '70000', '73042'),
    ('73066', 'Riemst', '70000', '73066'),
    ('73083', 'Tongeren', '70000', '73083'),
    ('73098', 'Wellen', '70000', '73098'),
    ('73107', 'Maasmechelen', '70000', '73107'),
    ('73109', 'Voeren', '70000', '73109');

-- The 15 that merged on 2019-01-01: a version of their own, ending then.
insert into municipality (nis_code, valid_from, valid_to, name, province_nis_code, successor_nis_code)
select nis_code, date '2017-01-01', date '2018-12-31', name, province_nis_code, nis_code_2019
from municipality_2017 where nis_code <> nis_code_2019;

-- The 293 that kept code, name and province in 2019: their first version starts in 2017.
update municipality m set valid_from = date '2017-01-01'
from municipality_2017 t
where t.nis_code = t.nis_code_2019 and m.nis_code = t.nis_code and m.valid_from = date '2019-01-01'
  and m.name = t.name and m.province_nis_code = t.province_nis_code;

-- An OCMW per municipality, valid as long as its municipality.
insert into organisation (id, kind, name, nis_code, province_nis_code, cluster_kind, valid_from, valid_to)
select 'ocmw-' || nis_code, 'OCMW', 'OCMW ' || name, nis_code, province_nis_code, null,
       date '2017-01-01', date '2018-12-31'
from municipality_2017 where nis_code <> nis_code_2019;

update organisation o set valid_from = date '2017-01-01'
from municipality_2017 t
where t.nis_code = t.nis_code_2019 and o.kind = 'OCMW' and o.nis_code = t.nis_code
  and o.valid_from = date '2019-01-01';

do $$
begin
    if (select count(*) from municipality where valid_from = date '2017-01-01') <> 308
       or (select count(*) from organisation where kind = 'OCMW' and valid_from = date '2017-01-01') <> 308 then
        raise exception 'expected the 308 municipalities and OCMWs of 2017';
    end if;
end $$;

-- The municipality an OCMW's figures fall under in a year (the version valid in that year, or the
-- nearest one for years before the first version), the 2019-2024 one it was part of
-- (MERGED_2019: for events before 2019; events from 2019 on stay where they happened) and the
-- current one it became through any number of mergers (MERGED_2025).
drop materialized view municipality_year;
create materialized view municipality_year as
with recursive years as (select generate_series(2000, 2100) as year),
at_year as (
    select distinct on (m.nis_code, y.year) m.nis_code, y.year, m.name, m.province_nis_code
    from municipality m cross join years y
    order by m.nis_code, y.year,
             (extract(year from m.valid_from) <= y.year
                  and (m.valid_to is null or extract(year from m.valid_to) >= y.year)) desc,
             abs(extract(year from m.valid_from) - y.year)),
-- every code and what it became, merger after merger (Puurs 2018 -> Puurs-Sint-Amands 2019)
became (nis_code, current_code, depth) as (
    select distinct nis_code, nis_code, 0 from municipality
    union all
    select b.nis_code, latest.successor_nis_code, b.depth + 1
    from became b
    cross join lateral (select m.successor_nis_code from municipality m where m.nis_code = b.current_code
                        order by m.valid_from desc limit 1) latest
    where latest.successor_nis_code is not null
),
became_last as (
    select distinct on (nis_code) nis_code, current_code from became order by nis_code, depth desc
),
-- the code valid on 2019-01-01 of a code of 2017-2018: its successor if it merged then, else itself
code_2019 as (
    select c.nis_code, coalesce(m.successor_nis_code, c.nis_code) as nis_code_2019
    from (select distinct nis_code from municipality) c
    left join municipality m on m.nis_code = c.nis_code and m.valid_to = date '2018-12-31'
),
latest_version as (
    select distinct on (nis_code) nis_code, name, province_nis_code from municipality
    order by nis_code, valid_from desc
)
select a.nis_code, a.year,
       a.nis_code as at_event_nis_code, a.name as at_event_name,
       a.province_nis_code as at_event_province_nis_code, ap.name as at_event_province_name,
       m19.nis_code as merged_2019_nis_code, m19.name as merged_2019_name,
       m19.province_nis_code as merged_2019_province_nis_code, p19.name as merged_2019_province_name,
       merged.nis_code as merged_nis_code, merged.name as merged_name,
       merged.province_nis_code as merged_province_nis_code, mp.name as merged_province_name
from at_year a
join province ap on ap.nis_code = a.province_nis_code
join became_last bl on bl.nis_code = a.nis_code
join latest_version merged on merged.nis_code = bl.current_code
join province mp on mp.nis_code = merged.province_nis_code
join code_2019 c19 on c19.nis_code = a.nis_code
-- before 2019 the 2019-2024 municipality it became; from 2019 on where the event happened
join at_year m19 on m19.nis_code = case when a.year < 2019 then c19.nis_code_2019 else a.nis_code end
                and m19.year = greatest(a.year, 2019)
join province p19 on p19.nis_code = m19.province_nis_code;
create unique index municipality_year_key on municipality_year (nis_code, year);
