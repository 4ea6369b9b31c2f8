// @ts-check
/**
 * Server commands the browser tests call through `executeServerCommand`. A stub until the real
 * commands land.
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function sabaqCommandsPlugin() {
  return { name: 'sabaq-commands' };
}
