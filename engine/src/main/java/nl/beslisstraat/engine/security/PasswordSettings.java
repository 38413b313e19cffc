package nl.beslisstraat.engine.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are hashed, also outside the web application (the demo creates users). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInThrottleSettings.class)
class PasswordSettings {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, with an upgrade path
    }
}
