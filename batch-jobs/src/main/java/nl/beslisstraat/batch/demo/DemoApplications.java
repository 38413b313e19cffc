package nl.beslisstraat.batch.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.SplittableRandom;
import nl.beslisstraat.engine.cases.CaseApplication;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic applications of all four case types (40 % parking permits, 25 % city passes, 20 %
 * tax remissions, 15 % event notifications), drawn so that about 70 % are granted, 15 % rejected
 * and 15 % go to review, with reference dates from May to December 2026: both sides of the
 * 2026-07-01 parking surcharge and norm change. Deterministic for a given seed.
 */
public final class DemoApplications {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 5, 1);
    private static final int DAYS = 245;
    private static final String[] FUELS = {
        "PETROL", "PETROL", "PETROL", "DIESEL", "DIESEL", "ELECTRIC", "ELECTRIC", "HYBRID", "LPG"
    };
    private static final String[] HOUSEHOLDS = {"SINGLE", "SINGLE", "SINGLE_PARENT", "COUPLE"};

    private final SplittableRandom random;
    private final LocalDate firstDay;
    private final int days;

    public DemoApplications(long seed) {
        this(seed, FIRST_DAY, DAYS);
    }

    /** Applications with reference dates in the {@code days} from {@code firstDay}. */
    public DemoApplications(long seed, LocalDate firstDay, int days) {
        this.random = new SplittableRandom(seed);
        this.firstDay = firstDay;
        this.days = days;
    }

    public CaseApplication next() {
        LocalDate referenceDate = firstDay.plusDays(random.nextInt(days));
        int type = random.nextInt(20);
        double draw = random.nextDouble();
        Fate fate = draw >= 0.85 ? Fate.REVIEW : draw >= 0.70 ? Fate.REJECT : Fate.GRANT;
        if (type < 8) {
            return application("PARKING_PERMIT", referenceDate, parkingPermit(fate));
        } else if (type < 13) {
            return application("CITY_PASS", referenceDate, cityPass(fate));
        } else if (type < 17) {
            return application("TAX_REMISSION", referenceDate, taxRemission(fate));
        }
        return application("EVENT_NOTIFICATION", referenceDate, eventNotification(fate, referenceDate));
    }

    private enum Fate {
        GRANT,
        REJECT,
        REVIEW
    }

    private static CaseApplication application(String caseType, LocalDate referenceDate, ObjectNode input) {
        input.put("caseType", caseType);
        input.put("referenceDate", referenceDate.toString());
        return new CaseApplication(caseType, referenceDate, input);
    }

    private ObjectNode parkingPermit(Fate fate) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        boolean zoneA = random.nextInt(10) < 6;
        input.put("zone", zoneA ? "A" : "B");
        boolean lease = random.nextInt(10) == 0;
        input.put("vehicleHolderIsApplicant", !lease);
        input.put("leaseOrCompanyCar", lease);
        input.put("declarationSupplied", lease ? Boolean.TRUE : null);
        input.put("vehicleLength", decimal(3.5, 5.6));
        input.put("vehicleHeight", decimal(1.4, 1.95));
        String fuel = FUELS[random.nextInt(FUELS.length)];
        input.put("fuel", fuel);
        input.put("euroClass", fuel.equals("DIESEL") ? 3 + random.nextInt(4) : 5 + random.nextInt(2));
        input.put("permitsAtAddress", zoneA ? 0 : random.nextInt(2));
        input.put("ownParkingSpace", false);
        switch (fate) {
            case REJECT -> {
                switch (random.nextInt(5)) {
                    case 0 -> input.putNull("zone");
                    case 1 -> input.put("vehicleLength", decimal(6.05, 7.5));
                    case 2 -> input.put("ownParkingSpace", true);
                    case 3 -> {
                        input.put("vehicleHolderIsApplicant", false);
                        input.put("leaseOrCompanyCar", false);
                    }
                    default -> {
                        input.put("zone", "B");
                        input.put("permitsAtAddress", 2);
                    }
                }
            }
            case REVIEW -> {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        input.put("zone", "A");
                        input.put("permitsAtAddress", 1);
                    }
                    case 1 -> {
                        input.put("leaseOrCompanyCar", true);
                        input.putNull("declarationSupplied");
                    }
                    default -> input.putNull("vehicleLength");
                }
            }
            default -> {}
        }
        return input;
    }

    private ObjectNode cityPass(Fate fate) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("age", 18 + random.nextInt(70));
        input.put("resident", true);
        input.put("householdType", HOUSEHOLDS[random.nextInt(HOUSEHOLDS.length)]);
        input.put("pensionAge", random.nextInt(5) == 0);
        input.put("netIncome", decimal(700, 1300));
        input.put("bankBalance", decimal(0, 2500));
        input.put("studentFinance", false);
        input.put("selfEmployed", random.nextInt(10) == 0);
        switch (fate) {
            case REJECT -> {
                switch (random.nextInt(3)) {
                    case 0 -> input.put("resident", false);
                    case 1 -> input.put("studentFinance", true);
                    default -> input.put("netIncome", decimal(2600, 4000));
                }
            }
            case REVIEW -> {
                if (random.nextBoolean()) {
                    input.put("householdType", "SINGLE");
                    input.put("pensionAge", false);
                    input.put("netIncome", decimal(1420, 1600)); // between 110 % and 130 % of the norm
                    input.put("selfEmployed", true);
                } else {
                    input.remove("netIncome");
                }
            }
            default -> {}
        }
        return input;
    }

    private ObjectNode taxRemission(Fate fate) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("amountDue", decimal(150, 600));
        input.put("householdType", HOUSEHOLDS[random.nextInt(HOUSEHOLDS.length)]);
        input.put("pensionAge", random.nextInt(5) == 0);
        input.put("otherResidents27Plus", 0);
        input.put("netIncome", decimal(1000, 1400));
        input.put("allowances", decimal(0, 300));
        input.put("rent", decimal(450, 800));
        input.put("healthPremium", decimal(110, 160));
        input.put("bankBalance", decimal(0, 2000));
        input.put("carCount", 0);
        input.put("homeOwner", false);
        switch (fate) {
            case REJECT -> {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        input.put("homeOwner", true);
                        input.put("wozValue", decimal(240000, 320000));
                        input.put("mortgage", decimal(150000, 230000));
                    }
                    case 1 -> {
                        input.put("carCount", 2);
                        input.put("carValue", decimal(500, 3000));
                    }
                    default -> input.put("bankBalance", decimal(5000, 12000));
                }
            }
            case REVIEW -> {
                switch (random.nextInt(3)) {
                    case 0 -> input.put("otherResidents27Plus", 1);
                    case 1 -> {
                        input.put("carCount", 1);
                        input.put("carValue", decimal(4000, 9000));
                        input.put("carNeededClaim", true);
                    }
                    default -> input.remove("rent");
                }
            }
            default -> {
                if (random.nextInt(3) == 0) {
                    // a little left above the norm: partial remission (capacity below the amount due)
                    input.put("householdType", "SINGLE");
                    input.put("pensionAge", false);
                    input.put("allowances", "0.00");
                    input.put("rent", "600.00");
                    input.put("healthPremium", "130.00");
                    input.put("netIncome", decimal(2012, 2042));
                    input.put("amountDue", decimal(700, 900));
                }
            }
        }
        return input;
    }

    private ObjectNode eventNotification(Fate fate, LocalDate received) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("eventDate", received.plusDays(21 + random.nextInt(60)).toString());
        input.put("startTime", "1" + random.nextInt(4) + ":00");
        input.put("endTime", "2" + random.nextInt(3) + ":00");
        input.put("visitors", 20 + random.nextInt(180));
        input.putNull("musicEndTime");
        input.put("roadClosure", false);
        input.put("objectCount", random.nextInt(4));
        input.put("largestObjectArea", decimal(1, 9.9));
        input.put("alcoholSold", false);
        switch (fate) {
            case REJECT -> {
                switch (random.nextInt(3)) {
                    case 0 ->
                        input.put(
                                "eventDate",
                                received.plusDays(3 + random.nextInt(8)).toString());
                    case 1 -> input.put("visitors", 250 + random.nextInt(500));
                    default -> input.put("roadClosure", true);
                }
            }
            case REVIEW -> input.put("alcoholSold", true);
            default -> {}
        }
        return input;
    }

    private String decimal(double from, double to) {
        return BigDecimal.valueOf(from + random.nextDouble() * (to - from))
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
