/** Word lists for synthetic news prose: common words carry the rhythm, names make it newsy. */

/** Function words, which make up about half of running English text. */
export const FUNCTION_WORDS = (
  "the of and to a in that is was for on it with as he she his her they at by this from " +
  "had have has but not are were be been which or an their its who will would there one " +
  "after also more than about when up into other some could over said if new two first"
).split(" ");

/** Content words typical of news reporting. */
export const CONTENT_WORDS = (
  "government minister president officials report election vote campaign policy economy " +
  "market prices growth company companies workers industry trade tariffs talks sanctions " +
  "meeting summit leaders country countries state states city police court judge trial " +
  "investigation charges lawyers statement spokesman agency military forces troops border " +
  "security attack weapons nuclear program agreement deal support opposition party members " +
  "congress senate house committee hearing bill law legislation budget spending taxes health " +
  "care hospital patients doctors schools students teachers families children people residents " +
  "community water energy climate weather storm damage emergency response plan project cost " +
  "million billion percent year years week month months day days time period decade history " +
  "record data analysis study research evidence information sources interview reporters press " +
  "television network news story film music season team players game coach fans league " +
  "championship victory defeat increase decline pressure crisis conflict peace region area " +
  "capital office headquarters department ministry administration council board chief director " +
  "executive analyst expert critics supporters voters public private national international " +
  "foreign domestic federal local regional global economic political social military financial " +
  "major significant recent former current senior previous possible likely important difficult " +
  "strong large small long short high low early late final whole serious clear free open " +
  "announced reported told expected according added called described warned argued suggested " +
  "believed decided agreed refused continued began started planned wanted needed tried helped " +
  "received released published issued signed approved rejected launched ended reached raised " +
  "increased reduced faced remained became included allowed required considered discussed " +
  "however because although while during before against between under without through within " +
  "across around toward despite including following ahead since until among whether already " +
  "still again never often later recently currently nearly almost perhaps quickly publicly"
).split(" ");

/** Place names, some multi-word, as they appear in datelines and stories. */
export const PLACES = (
  "Washington|New York|London|Beijing|Moscow|Pyongyang|Seoul|Tokyo|Paris|Berlin|Brussels|" +
  "Tehran|Jerusalem|Cairo|Nairobi|Lagos|Mumbai|New Delhi|Sydney|Toronto|Mexico City|Brasília|" +
  "Caracas|Kyiv|Istanbul|Damascus|Baghdad|Kabul|Islamabad|Manila|Jakarta|Hong Kong|Singapore|" +
  "Los Angeles|Chicago|Houston|Atlanta|Miami|Seattle|Denver|Boston|São Paulo|Zürich|Reykjavík"
).split("|");

/** Organisations that news copy names over and over. */
export const ORGANISATIONS = (
  "United Nations|European Union|White House|Pentagon|State Department|Supreme Court|NATO|" +
  "World Health Organization|Federal Reserve|Congress|Kremlin|IMF|World Bank|FBI|Justice Department"
).split("|");

/** Given names for the author pool, with a few non-ASCII spellings. */
export const GIVEN_NAMES = (
  "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara " +
  "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa " +
  "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew " +
  "Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa Edward " +
  "Deborah Ronald Stephanie Timothy Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob " +
  "Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna Larry Brenda " +
  "Justin Pamela Scott Nicole Brandon Emma Benjamin Samantha Samuel Katherine Gregory Christine " +
  "Frank Debra Alexander Rachel Raymond Catherine Patrick Carolyn Jack Janet Dennis Ruth Jerry " +
  "Maria Tyler Heather Aaron Diane José Virginia Adam Julie Henry Joyce Nathan Victoria Douglas " +
  "Olivia Zachary Kelly Peter Christina Kyle Lauren Walter Joan Ethan Evelyn Jeremy Judith " +
  "Harold Megan Keith Cheryl Christian Andrea Roger Hannah Noah Martha Gerald Jacqueline Carl " +
  "Frances Terry Gloria Sean Ann Austin Teresa Arthur Kathryn Lawrence Sara Jesse Janice Dylan " +
  "Jean Bryan Alice Joe Madison Jordan Doris Billy Abigail Bruce Julia Albert Judy Willie " +
  "Grace Gabriel Denise Logan Amber Alan Marilyn Juan Beverly Wayne Danielle Roy Theresa Ralph " +
  "Sophia Randy Marie Eugene Diana Vincent Brittany Russell Natalie Elijah Isabella Louis " +
  "Charlotte Bobby Rose Philip Alexis Johnny Kayla Zoë Chloé Søren Madina Björn Ngozi Wei Hiroshi"
).split(" ");

/** Family names for the author pool, including apostrophes that switch Python's repr to `"…"`. */
export const FAMILY_NAMES = (
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez " +
  "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris " +
  "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill " +
  "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips " +
  "Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers " +
  "Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson " +
  "Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo " +
  "Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell " +
  "Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson " +
  "Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera " +
  "Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez " +
  "McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns " +
  "Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt " +
  "Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer " +
  "Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant " +
  "Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight " +
  "Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado " +
  "Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence " +
  "O'Brien O'Malley O'Connor D'Angelo O'Neill Touré Müller Gómez Nakamura Okafor Ivanova Zhang"
).split(" ");

/** Strings newspaper3k mistook for authors, as seen in real scrapes. */
export const JUNK_AUTHORS = [
  "Min Read",
  "View All Posts",
  "Abc News",
  "March",
  "Dailymail.Com Reporter",
  "The Washington Times Http",
  "More Meghan",
] as const;

/** Boilerplate lines scrapers leave inside bodies. */
export const BOILERPLATE_LINES = [
  "Advertisement",
  "Read More",
  "RELATED VIDEO: What happened next",
  "Sign up for our newsletter",
  "Getty Images",
] as const;
