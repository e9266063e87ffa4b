import { describe, expect, it } from "vitest";
import { consolidate } from "@/lib/domain/facts";
import { story } from "./helpers";

const LEDE = "A hurricane struck the coast of Florida on Monday with winds of 120 miles per hour.";
const EVACUATION = "Officials ordered the evacuation of the barrier islands before noon.";
const EMERGENCY = "The governor declared a state of emergency in twelve counties.";
const SCHOOLS = "Schools in the region will stay closed until Thursday.";
const POWER = "Power lines were down across the county, the utility said.";
const FLIGHTS = "The airport cancelled all flights until further notice.";
const SHELTERS = "Red Cross volunteers opened shelters in three high schools.";
const RESCUES = "Rescue crews pulled 14 people from flooded homes overnight.";
const BRIDGE = "A bridge to Sanibel Island collapsed in the surge.";
const INSURERS = "Insurers expect claims to run into billions of dollars.";
const CURFEW = "Police imposed a curfew in Fort Myers from dusk to dawn.";

function draftOrder(stories: ReturnType<typeof story>[]): string[] {
  return consolidate(stories).draft.paragraphs.flat().map((f) => f.text);
}

describe("the order the draft tells its facts in", () => {
  it("keeps two facts together when the same stories tell them one right after the other", () => {
    // By their median positions in their stories the rescues (0.7) fall between the evacuation
    // (0.56) and the emergency (0.77); a and b tell those two as one passage.
    const order = draftOrder([
      story("a", [LEDE, EVACUATION, EMERGENCY, SCHOOLS]),
      story("b", [LEDE, POWER, FLIGHTS, SHELTERS, EVACUATION, EMERGENCY]),
      story("c", [LEDE, BRIDGE, INSURERS, RESCUES, CURFEW]),
      story("d", [LEDE, CURFEW.replace("Fort Myers", "Naples"), BRIDGE.replace("Sanibel", "Pine"), RESCUES, INSURERS.replace("billions", "millions")]),
    ]);
    expect(order.indexOf(EMERGENCY)).toBe(order.indexOf(EVACUATION) + 1);
    expect(order.indexOf(RESCUES)).toBeGreaterThan(order.indexOf(EMERGENCY));
  });

  it("keeps the passage when a third story tells one of its facts too", () => {
    const order = draftOrder([
      story("a", [LEDE, EVACUATION, EMERGENCY, SCHOOLS]),
      story("b", [LEDE, POWER, FLIGHTS, SHELTERS, EVACUATION, EMERGENCY]),
      story("c", [LEDE, BRIDGE, INSURERS, RESCUES, CURFEW]),
      story("d", [LEDE, CURFEW.replace("Fort Myers", "Naples"), BRIDGE.replace("Sanibel", "Pine"), RESCUES, INSURERS.replace("billions", "millions")]),
      story("e", [LEDE, EMERGENCY]),
    ]);
    expect(order.indexOf(EMERGENCY)).toBe(order.indexOf(EVACUATION) + 1);
  });

  it("does not glue two facts that only one of their stories tells together", () => {
    // Story a tells the evacuation right before the emergency; b tells the emergency early and
    // not the evacuation, c the evacuation late and not the emergency. Told by their positions,
    // the emergency comes first; glued as a passage, the evacuation would drag it down.
    const order = draftOrder([
      story("a", [LEDE, EVACUATION, EMERGENCY, SCHOOLS]),
      story("b", [LEDE, EMERGENCY, POWER, FLIGHTS, SHELTERS]),
      story("c", [LEDE, POWER, FLIGHTS, SHELTERS, EVACUATION]),
    ]);
    expect(order.indexOf(EMERGENCY)).toBeLessThan(order.indexOf(EVACUATION));
  });
});
