/**
 * The members' section, routed on the client: /app/, /app/orders, /app/rewards, /app/settings.
 * Navigation uses history.pushState like the routers of React, Vue or Angular apps, so Maidian's
 * SPA page views are exercised. Like many routers it pushes even when the URL does not change;
 * the SDK must not count that as a second view.
 */
import { showCartBadge } from './cart.js';

const ROUTES = {
  '/app/': { title: '概览 Overview', body: '欢迎回来。这里汇总了你的订单与茶点。Welcome back: your orders and tea points at a glance.' },
  '/app/orders': { title: '我的订单 Orders', body: '最近的订单会显示在这里。Your recent orders show here.' },
  '/app/rewards': { title: '茶点 Rewards', body: '每消费 ¥1 累积 1 茶点，100 茶点可抵 ¥5。Earn 1 point per ¥1; 100 points take ¥5 off.' },
  '/app/settings': { title: '设置 Settings', body: '通知与隐私设置。Notification and privacy settings.' },
};

/** The route for a path; /app and unknown /app/… paths show the overview. */
function routeFor(path) {
  return ROUTES[path] ?? ROUTES['/app/'];
}

function render(path) {
  const route = routeFor(path);
  const view = document.getElementById('view');
  view.innerHTML = '<h1></h1><p></p>';
  view.querySelector('h1').textContent = route.title;
  view.querySelector('p').textContent = route.body;
  for (const a of document.querySelectorAll('a[data-route]')) {
    if (new URL(a.href).pathname === path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** Title first, then pushState: the SDK reads document.title when it sees the new URL. */
function navigate(href) {
  const url = new URL(href, location.href);
  document.title = `${routeFor(url.pathname).title} · 山茶 Camellia Tea`;
  history.pushState(null, '', url.pathname + url.search + url.hash);
  render(url.pathname);
}

document.addEventListener('click', (e) => {
  const link = e.target instanceof Element ? e.target.closest('a[data-route]') : null;
  if (!link || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(link.href);
});

window.addEventListener('popstate', () => {
  document.title = `${routeFor(location.pathname).title} · 山茶 Camellia Tea`;
  render(location.pathname);
});

document.title = `${routeFor(location.pathname).title} · 山茶 Camellia Tea`;
render(location.pathname);
showCartBadge();
