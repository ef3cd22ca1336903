/** Words of plausible page slugs (`cache-warmup-guide`): lowercase letters only. */
export const SLUG_WORDS: readonly string[] = Object.freeze(
  `about access account active adding advanced agent alerts analytics annual api app archive audit
  automation backend backup basic batch beta billing blue board budget build bulk cache calendar
  campaign canary catalog change checkout cleanup cli client cloud cluster config connect console
  content cookies core cost coverage cron customer daily dashboard data database debug default
  delivery deploy design desktop dev device digest disk dns docker docs domain draft early edge editor
  email engine error event export faq fast feature feedback field files filters first fix fleet flow
  forms free frontend gateway getting github global go graph green grid guide handbook health help
  history home hosting hotfix how import inbox incident index insights install intro inventory invoice
  issue java job journal kafka kernel key lab latency launch layout legacy library limits linux live
  load local locale logging logs mail manage manual map market media memory metrics migrate
  mobile model monitor monthly network new nightly node notes notify office onboard open orders
  outage overview owner page partner patch payments people plan platform plugin policy portal preview
  pricing privacy profile project proxy public python query queue quick rate readme recap redis
  refactor region release remote report request review roadmap rollout routing rules runbook runtime
  sales sandbox scale schema search secure server service setup shared shipping sidebar
  signup simple site sizing small sprint stable staging status storage store stream summary support
  sync system team template tenant test theme tips token tools trace traffic trial tuning update
  upgrade upload usage user vendor version video views vpn warmup webhook weekly welcome widget wiki
  worker workflow year zone`.split(/\s+/),
);
