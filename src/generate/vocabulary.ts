/** Fixed word lists the synthetic district draws from. */

const words = (list: string, separator = " "): readonly string[] => list.split(separator);

export type Band = "elementary" | "middle" | "high";

export const BAND_GRADES: Readonly<Record<Band, readonly string[]>> = {
  elementary: ["KG", "01", "02", "03", "04", "05"],
  middle: ["06", "07", "08"],
  high: ["09", "10", "11", "12"],
};

/** Schools take bands in this rotation, so any district has all three. */
export const BAND_ROTATION: readonly Band[] = ["elementary", "middle", "high"];

export interface Slot {
  /** Part of course, class and enrollment sourcedIds. */
  code: string;
  title: string;
  subject?: string;
  subjectCode?: string;
  period: string;
}

/** The seven classes of every student: six scheduled subjects, then homeroom (always last). */
export const SLOTS: readonly Slot[] = [
  { code: "math", title: "Mathematics", subject: "Mathematics", subjectCode: "MATH", period: "1" },
  {
    code: "ela",
    title: "English Language Arts",
    subject: "English",
    subjectCode: "ELA",
    period: "2",
  },
  { code: "sci", title: "Science", subject: "Science", subjectCode: "SCI", period: "3" },
  {
    code: "soc",
    title: "Social Studies",
    subject: "Social Studies",
    subjectCode: "SOC",
    period: "4",
  },
  { code: "art", title: "Visual Arts", subject: "Art", subjectCode: "ART", period: "5" },
  {
    code: "pe",
    title: "Physical Education",
    subject: "Physical Education",
    subjectCode: "PE",
    period: "6",
  },
  { code: "hr", title: "Homeroom", period: "HR" },
];

/** The slot at `index`, which the caller knows is in range. */
export function slotAt(index: number): Slot {
  const slot = SLOTS[index];
  if (slot === undefined) throw new RangeError(`no class slot ${index}`);
  return slot;
}

/** Scheduled subjects carry gradebook line items; homeroom does not. */
export const SCHEDULED_SLOTS = SLOTS.length - 1;

export const FEMALE_NAMES: readonly string[] = words(
  "Olivia Emma Ava Sophia Isabella Mia Amelia Harper Evelyn Abigail Camila Luna Sofia " +
    "Aaliyah Zoe Nora Maya Priya Mei Fatima Ximena Chloe Grace Layla Hana",
);

export const MALE_NAMES: readonly string[] = words(
  "Liam Noah Oliver Elijah James William Benjamin Lucas Henry Mateo Jackson Sebastian " +
    "Aiden Diego Omar Ethan Kai Arjun Wei Malik Santiago Caleb Isaac Hiroshi Leo",
);

export const FAMILY_NAMES: readonly string[] = words(
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez " +
    "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson " +
    "White Harris Sanchez Clark Ramirez Lewis Robinson Nguyen Kim Patel Chen O'Brien Yazzie " +
    "Begay Kealoha Okafor Haddad",
);

export const CITIES = ["Phoenix", "Tucson", "Mesa", "Chandler", "Flagstaff", "Yuma"] as const;

export const HOME_LANGUAGES = ["eng", "spa", "vie", "ara", "zho", "nav"] as const;
export const HOME_LANGUAGE_WEIGHTS = [70, 20, 3, 2, 3, 2] as const;

/** Race flags of demographics.csv other than the two-or-more and ethnicity flags. */
export const RACES = [
  "americanIndianOrAlaskaNative",
  "asian",
  "blackOrAfricanAmerican",
  "nativeHawaiianOrOtherPacificIslander",
  "white",
] as const;
export const RACE_WEIGHTS = [5, 6, 10, 1, 70] as const;

export const CATEGORIES = [
  { code: "homework", title: "Homework", weight: 20 },
  { code: "quiz", title: "Quizzes", weight: 20 },
  { code: "test", title: "Tests", weight: 40 },
  { code: "project", title: "Projects", weight: 20 },
] as const;

export const LETTER_GRADES = [
  { letter: "A", minimum: "90" },
  { letter: "B", minimum: "80" },
  { letter: "C", minimum: "70" },
  { letter: "D", minimum: "60" },
  { letter: "F", minimum: "0" },
] as const;

/** School names are a place name plus the band, e.g. "Palo Verde Middle School". */
export const PLACES: readonly string[] = words(
  "Mesquite|Palo Verde|Ironwood|Desert Willow|Cholla|Ocotillo|Agave|Juniper|Sycamore|Cottonwood|" +
    "Pinnacle Peak|Sonoran Sky|Red Rock|Canyon View|Mountain Vista|Quail Run",
  "|",
);

export const DISTRICT_NAME = "Saguaro Valley Unified School District";
/** NCES local education agency id (state 04, Arizona); school ids append five digits. */
export const DISTRICT_NCES_ID = "0400090";

export const BAND_LABELS: Readonly<Record<Band, string>> = {
  elementary: "Elementary School",
  middle: "Middle School",
  high: "High School",
};
