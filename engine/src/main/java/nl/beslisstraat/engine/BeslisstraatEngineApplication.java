package nl.beslisstraat.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine as a service: the intake REST API on top of the decision core. */
@SpringBootApplication
public class BeslisstraatEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BeslisstraatEngineApplication.class, args);
    }
}
