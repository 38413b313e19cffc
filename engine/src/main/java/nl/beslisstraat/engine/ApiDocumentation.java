package nl.beslisstraat.engine;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}: what the REST API offers and how to sign in. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI beslisstraatApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Beslisstraat API")
                        .version("0.1")
                        .description("Submit applications, read cases and decisions, recompute them, keep the norm"
                                + " table, work the review queue, and (platform administrators) onboard"
                                + " municipalities. Every call needs a user with the right role (HTTP Basic), in the"
                                + " municipality it works for: a user of several names one with the header"
                                + " X-Municipality (a CBS code such as 0193); see docs/operations.md."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
