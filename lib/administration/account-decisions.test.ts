import { describe, expect, it } from "vitest";
import { decisionsOn } from "./account-decisions";

const ADMINISTRATOR = { accountId: "admin", role: "ADMINISTRATOR" as const };
const DEPUTY = { accountId: "deputy", role: "USER" as const };

function account(overrides: Partial<Parameters<typeof decisionsOn>[1]> = {}): Parameters<typeof decisionsOn>[1] {
  return { id: "someone", status: "ACTIVE", role: "USER", deputyStatus: null, deactivationReason: null, ...overrides };
}

describe("ADM-2 the accounts list offers the decisions that fit each account", () => {
  it("validate or refuse a pending account, deactivate an active one, reactivate one the administrator deactivated", () => {
    expect(decisionsOn(ADMINISTRATOR, account({ status: "PENDING_VALIDATION" }))).toEqual(["validate", "refuse"]);
    expect(decisionsOn(ADMINISTRATOR, account())).toEqual(["invalidate"]);
    expect(decisionsOn(ADMINISTRATOR, account({ status: "DEACTIVATED", deactivationReason: "INVALIDATED" }))).toEqual(["reactivate"]);
    expect(decisionsOn(ADMINISTRATOR, account({ status: "DEACTIVATED", deactivationReason: "INACTIVITY" }))).toEqual([]);
    expect(decisionsOn(ADMINISTRATOR, account({ status: "PENDING_ACTIVATION" }))).toEqual([]);
  });

  it("none on one's own account", () => {
    expect(decisionsOn(ADMINISTRATOR, account({ id: "admin", role: "ADMINISTRATOR" }))).toEqual([]);
    expect(decisionsOn(DEPUTY, account({ id: "deputy", deputyStatus: "ACCEPTED" }))).toEqual([]);
  });
});

describe("DEP-1 a deputy is not offered to deactivate the administrator or another deputy", () => {
  it("the administrator and deputies, designated or accepted, are out of a deputy's reach; colleagues are not", () => {
    expect(decisionsOn(DEPUTY, account({ role: "ADMINISTRATOR" }))).toEqual([]);
    expect(decisionsOn(DEPUTY, account({ deputyStatus: "ACCEPTED" }))).toEqual([]);
    expect(decisionsOn(DEPUTY, account({ deputyStatus: "PENDING" }))).toEqual([]);
    expect(decisionsOn(DEPUTY, account())).toEqual(["invalidate"]);
    expect(decisionsOn(DEPUTY, account({ status: "PENDING_VALIDATION" }))).toEqual(["validate", "refuse"]);
  });

  it("the administrator may deactivate a deputy", () => {
    expect(decisionsOn(ADMINISTRATOR, account({ deputyStatus: "ACCEPTED" }))).toEqual(["invalidate"]);
  });
});
