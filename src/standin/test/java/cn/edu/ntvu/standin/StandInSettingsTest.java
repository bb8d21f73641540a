package cn.edu.ntvu.standin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The stand-in keeps its tables in a database of its own beside the app's, one per app database.
 */
class StandInSettingsTest {
  @Test
  void theDatabaseIsTheAppsWithStandinAppended() {
    assertThat(StandInSettings.besideTheApp("jdbc:mariadb://127.0.0.1:3306/workbench"))
        .isEqualTo("jdbc:mariadb://127.0.0.1:3306/workbench_standin?createDatabaseIfNotExist=true");
    assertThat(StandInSettings.besideTheApp("jdbc:mariadb://db:3306/workbench_e2e?useSsl=false"))
        .isEqualTo(
            "jdbc:mariadb://db:3306/workbench_e2e_standin?useSsl=false&createDatabaseIfNotExist=true");
  }
}
