package vn.bluezone.server.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL driver timeouts, so that an unreachable database fails fast (issue 15 §1) instead of waiting for the
 * operating system's TCP timeouts: 3 s to connect and log in, and a 120 s socket timeout as the last resort for a
 * connection whose peer vanished mid-query (long enough for the export of a big batch). Only for PostgreSQL URLs:
 * H2 refuses unknown connection properties. The pool's own 3 s wait (application.yml) bounds the rest.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseTimeouts {

    @Bean
    static BeanPostProcessor postgresTimeouts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null
                        && ds.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    ds.addDataSourceProperty("connectTimeout", "3");
                    ds.addDataSourceProperty("loginTimeout", "3");
                    ds.addDataSourceProperty("socketTimeout", "120");
                    ds.addDataSourceProperty("tcpKeepAlive", "true");
                }
                return bean;
            }
        };
    }
}
