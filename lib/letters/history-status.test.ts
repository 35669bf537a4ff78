import { describe, expect, it } from "vitest";
import { addressProblems, letterHistoryStatus } from "./history-status";

describe("LR-6 / issue 16 item 3: the queue's history says how each request ended", () => {
  it("names the outcome instead of one 'Annulé'", () => {
    expect(letterHistoryStatus({ status: "CANCELLED", requestStatus: "CONFIRMED" })).toBe("Non imprimé · Confirmé");
    expect(letterHistoryStatus({ status: "CANCELLED", requestStatus: "SUPERSEDED" })).toBe("Non imprimé · Remplacé");
    expect(letterHistoryStatus({ status: "POSTED", requestStatus: "EXPIRED" })).toBe("Posté · Expiré");
    expect(letterHistoryStatus({ status: "POSTED", requestStatus: "LOCKED" })).toBe("Posté · Verrouillé");
    expect(letterHistoryStatus({ status: "POSTED", requestStatus: "CONFIRMED" })).toBe("Posté · Confirmé");
  });
});

describe("LR-6 / issue 16 item 3: incomplete addresses are flagged before printing", () => {
  it("lists what the address lacks", () => {
    expect(addressProblems({ addressStreet: "1 place de la Mairie", addressPostalCode: "42000", addressCity: "SAINT ETIENNE" })).toEqual([]);
    expect(addressProblems({ addressStreet: null, addressPostalCode: "42000", addressCity: "SAINT ETIENNE" })).toEqual(["pas de numéro ni de voie"]);
    expect(addressProblems({ addressStreet: " ", addressPostalCode: "420", addressCity: null })).toEqual([
      "pas de numéro ni de voie",
      "code postal absent ou invalide",
      "localité absente",
    ]);
  });
});
