// Word lists and word shapes: small, readable, and the only knowledge the rules have besides compromise's lexicon.

/**
 * UN member states by their usual English names, with observers and the few other names news
 * treats as countries; after `=` the forms that mean the same country.
 */
const COUNTRY_DATA = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina=Bosnia|Botswana|Brazil|Brunei|
Bulgaria|Burkina Faso|Burundi|Cabo Verde=Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|
Republic of the Congo=Congo-Brazzaville|Costa Rica|Côte d'Ivoire=Ivory Coast|Croatia|Cuba|Cyprus|Czechia=Czech Republic|
Democratic Republic of the Congo=DR Congo=DRC=Congo|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|
Equatorial Guinea|Eritrea|Estonia|Eswatini=Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|
Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|
Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|
Montenegro|Morocco|Mozambique|Myanmar=Burma|Namibia|Nauru|Nepal|Netherlands=Holland|New Zealand|Nicaragua|Niger|Nigeria|
North Korea|North Macedonia=Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|
Qatar|South Korea|Romania|Russia=Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|
San Marino|São Tomé and Príncipe=Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Tajikistan|
Tanzania|Thailand|Timor-Leste=East Timor|Togo|Tonga|Trinidad and Tobago|Tunisia|Türkiye=Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates=UAE|United Kingdom=UK=U.K.=Britain=Great Britain|United States=United States of America=US=U.S.=USA=U.S.A.|
Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Vatican=Holy See|Palestine|Kosovo|Taiwan`;

/** Every country form (as written) → the country's usual name. */
export const COUNTRY_FORMS: ReadonlyMap<string, string> = (() => {
  const forms = new Map<string, string>();
  for (const entry of COUNTRY_DATA.split('|')) {
    const names = entry.trim().split('=');
    for (const form of names) {
      forms.set(form, names[0]);
    }
  }
  return forms;
})();

/** Capitalised words that make a name an organisation. */
export const ORGANISATION_WORDS = new Set(
  `Ministry Ministries Bank Fund Organization Organisation Council Commission Committee Office Department Agency Authority Bureau
  Service Services Institute Center Centre University College Academy Association Federation Union League Party Parliament Assembly
  Court Tribunal Forces Army Navy Police Guard Company Corporation Corp Inc Ltd LLC Group Holding Holdings Airlines Airways Railways
  Metro Society Societies Foundation Alliance Coalition Movement Front Church Board Secretariat Senate Congress Cabinet Kremlin
  Pentagon Treasury Reserve Exchange Network Times Post News Press Television Radio Broadcasting School Hospital Clinic Museum
  Theatre Theater Library Prison`.split(/\s+/),
);

/** Words that, written before a name, make it a person's: Prime Minister Nikol Pashinyan, union chairman Yerlan Dzhaksybekov. */
export const PERSON_TITLES = new Set(
  `president vice prime minister deputy mayor governor chairman chairwoman chair spokesman spokeswoman spokesperson secretary
  ambassador envoy general gen lieutenant colonel col captain commander admiral sergeant judge justice prosecutor senator sen
  representative rep congressman congresswoman lawmaker mp deputy speaker chancellor king queen prince princess pope patriarch
  archbishop bishop sheikh emir president-elect dr mr mrs ms miss sir dame lord lady professor prof leader head chief director
  ceo founder aide adviser advisor analyst economist minister-president premier opposition`.split(/\s+/),
);

/** Words that make a name a place's: South Caucasus, Central Asia, Gulf of Aden. */
export const PLACE_WORDS = new Set(
  `North South East West Central Northern Southern Eastern Western Upper Lower Gulf Sea Ocean River Lake Mountains Valley
  Island Islands Peninsula Basin Strait Coast Caucasus Asia Europe Africa America Americas Balkans Baltic Middle Steppe Desert
  Province Oblast Region District County`.split(/\s+/),
);

/** Lower-case nouns after a name that make it a place: the Osh region, Jalal-Abad province. */
export const PLACE_NOUNS = /^(?:region|regions|province|provinces|oblast|district|districts|city|town|village|valley|mountains|river|border|capital)$/;

/** What a person is described as, besides titles: “Nino Beridze, a paediatrician in Kutaisi”. */
export const PERSON_NOUNS = new Set(
  `doctor paediatrician pediatrician surgeon nurse teacher lawyer farmer resident student journalist reporter activist official
  researcher scientist engineer driver worker businessman businesswoman entrepreneur owner mother father wife husband son daughter
  veteran soldier officer candidate politician diplomat writer author artist singer actor actress player coach priest imam rabbi`.split(/\s+/),
);

export const MONTHS_AND_DAYS = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept
  oct nov dec monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

/** Lower-case words allowed inside an organisation's name: Bank of England, Party of Action and Solidarity. */
export const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', 'de', 'du', 'des']);

export const PRONOUNS: Record<string, 'person' | 'organisation' | undefined> = {
  he: 'person',
  she: 'person',
  it: 'organisation',
  they: undefined,
};

/** Nouns that stand for an organisation already named: “the company has argued”, “the fund expects”. */
export const ORGANISATION_NOUNS = new Set(
  `company firm fund bank ministry agency organisation organization union party alliance institute commission committee council
  department office operator group court bureau service authority`.split(/\s+/),
);

export function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u.test(word);
}

export function bare(word: string): string {
  return word.replace(/['’]s?$/, '').replace(/\.$/, '');
}

export function stripPossessive(word: string): string {
  return word.replace(/['’]s$/, '').replace(/(?<=s)['’]$/, '');
}
