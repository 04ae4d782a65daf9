import { createRouter, createWebHashHistory } from 'vue-router'
import { session } from './session.js'
import { loadTerms } from './terms.js'
import { prefetchRequestList } from './requestListAddress.js'
import { reminders } from './api/users.js'

// A page under another one in the breadcrumbs (申请办理 / 申请详情 <case no>).
const REQUESTS = { title: '申请办理', path: '/requests' }

// Hash addresses (#/requests/…): the server serves one index.html at "/", behind Spring Boot or nginx alike.
const routes = [
  { path: '/login', component: () => import('./pages/SignIn.vue'), meta: { public: true, title: '登录' } },
  { path: '/', redirect: () => session.home() },
  { path: '/workbench', component: () => import('./pages/Workbench.vue'), meta: { title: '工作台', prefetch: reminders.prefetchWorkbench } },
  { path: '/requests', component: () => import('./pages/RequestList.vue'), meta: { title: '申请办理', prefetch: prefetchRequestList } },
  { path: '/requests/new', component: () => import('./pages/RequestRegister.vue'), meta: { title: '登记申请', parent: REQUESTS, roles: ['CLERK', 'SUPERVISOR', 'ADMIN'] } },
  { path: '/requests/:id', component: () => import('./pages/RequestDetail.vue'), meta: { title: '申请详情', parent: REQUESTS } },
  { path: '/deadlines', component: () => import('./pages/DeadlineBoard.vue'), meta: { title: '期限看板' } },
  { path: '/reports', component: () => import('./pages/AnnualReportPage.vue'), meta: { title: '年度报告' } },
  { path: '/ledger', component: () => import('./pages/LedgerPage.vue'), meta: { title: '台账导入导出' } },
  { path: '/admin/agencies', component: () => import('./pages/AdminAgencies.vue'), meta: { title: '机关管理', roles: ['ADMIN'] } },
  { path: '/admin/users', component: () => import('./pages/AdminUsers.vue'), meta: { title: '用户管理', roles: ['ADMIN'] } },
  { path: '/admin/notice-templates', component: () => import('./pages/AdminNoticeTemplates.vue'), meta: { title: '文书模板', roles: ['ADMIN', 'SUPERVISOR'] } },
  { path: '/admin/calendar', component: () => import('./pages/AdminCalendar.vue'), meta: { title: '工作日历', roles: ['ADMIN'] } },
  { path: '/admin/sign-ins', component: () => import('./pages/AdminSignIns.vue'), meta: { title: '登录日志', roles: ['ADMIN'] } },
  { path: '/audit', component: () => import('./pages/OperationLog.vue'), meta: { title: '操作日志', roles: ['SUPERVISOR', 'ADMIN'] } },
  { path: '/admin/parked-events', component: () => import('./pages/AdminParkedEvents.vue'), meta: { title: '投影异常', roles: ['ADMIN'] } },
  { path: '/admin/personal-data-reads', component: () => import('./pages/AdminPersonalDataReads.vue'), meta: { title: '个人信息查看记录', roles: ['ADMIN'] } },
  { path: '/account/password', component: () => import('./pages/ChangePassword.vue'), meta: { title: '修改密码' } },
  { path: '/:rest(.*)*', redirect: '/' }
]

export const router = createRouter({ history: createWebHashHistory(), routes })

/**
 * Starts fetching the scripts of the page a navigation goes to, so that they arrive while the session and the terms
 * are asked for instead of after them (the router itself asks for them only once every guard has passed).
 */
function preloadPage(to) {
  for (const record of to.matched) {
    const page = record.components?.default
    if (typeof page === 'function') page().catch(() => {}) // the router's own load reports a failure
  }
}

router.beforeEach(async (to, from) => {
  preloadPage(to)
  if (!session.loaded) await session.load()
  if (to.meta.public) return true
  if (!session.user) return { path: '/login', query: { next: to.fullPath } }
  // A generated or reset password is known to someone else: nothing else until the user has chosen their own.
  if (session.user.mustChangePassword && to.path !== '/account/password') return { path: '/account/password' }
  if (to.meta.roles && !to.meta.roles.includes(session.user.role)) return session.home()
  // A page's first reads start now, beside the terms and the page's scripts, rather than once the page is built
  // (api.prefetch): the 工作台's figures and the list's rows were the last thing a clerk waited for. Only on the way
  // into a page: a new filter on a page already built is read by the page at once.
  if (to.meta.prefetch && to.path !== from.path) to.meta.prefetch(to)
  // The labels every page renders come from the server, once per tab (terms.js); without them a page still opens and
  // shows the keys, and the next navigation asks again.
  await loadTerms().catch(() => {})
  return true
})

router.afterEach((to) => {
  document.title = (to.meta.title ? to.meta.title + ' - ' : '') + '政府信息公开申请办理系统'
})
