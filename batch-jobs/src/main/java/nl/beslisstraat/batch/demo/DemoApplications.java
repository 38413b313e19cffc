package nl.beslisstraat.batch.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.SplittableRandom;
import nl.beslisstraat.engine.cases.CaseApplication;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic parking-permit applications, drawn so that about 70 % are granted, 15 % rejected and
 * 15 % go to review, with reference dates from May to December 2026 (both sides of the
 * 2026-07-01 diesel surcharge). Deterministic for a given seed, so runs can be compared.
 */
public final class DemoApplications {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 5, 1);
    private static final int DAYS = 245;
    private static final String[] FUELS = {
        "PETROL", "PETROL", "PETROL", "DIESEL", "DIESEL", "ELECTRIC", "ELECTRIC", "HYBRID", "LPG"
    };

    private final SplittableRandom random;

    public DemoApplications(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public CaseApplication next() {
        LocalDate referenceDate = FIRST_DAY.plusDays(random.nextInt(DAYS));
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("caseType", "PARKING_PERMIT");
        input.put("referenceDate", referenceDate.toString());
        boolean zoneA = random.nextInt(10) < 6;
        input.put("zone", zoneA ? "A" : "B");
        boolean lease = random.nextInt(10) == 0;
        input.put("vehicleHolderIsApplicant", !lease);
        input.put("leaseOrCompanyCar", lease);
        if (lease) {
            input.put("declarationSupplied", true);
        } else {
            input.putNull("declarationSupplied");
        }
        input.put("vehicleLength", metres(3.5, 5.6));
        input.put("vehicleHeight", metres(1.4, 1.95));
        String fuel = FUELS[random.nextInt(FUELS.length)];
        input.put("fuel", fuel);
        input.put("euroClass", fuel.equals("DIESEL") ? 3 + random.nextInt(4) : 5 + random.nextInt(2));
        input.put("permitsAtAddress", zoneA ? 0 : random.nextInt(2));
        input.put("ownParkingSpace", false);

        double draw = random.nextDouble();
        if (draw >= 0.85) {
            toReview(input);
        } else if (draw >= 0.70) {
            toRejection(input);
        }
        return new CaseApplication("PARKING_PERMIT", referenceDate, input);
    }

    private void toRejection(ObjectNode input) {
        switch (random.nextInt(5)) {
            case 0 -> input.putNull("zone");
            case 1 -> input.put("vehicleLength", metres(6.05, 7.5));
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

    private void toReview(ObjectNode input) {
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

    private String metres(double from, double to) {
        return BigDecimal.valueOf(from + random.nextDouble() * (to - from))
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
