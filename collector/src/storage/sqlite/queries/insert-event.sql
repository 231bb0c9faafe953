-- Stores an event once per (site, id): a retried batch or a beacon sent twice changes nothing,
-- and `changes = 0` tells the caller it was a duplicate.
INSERT INTO events (
  site, id, event, ts, client_ts, received_at, anonymous_id, user_id, session_id, session_start,
  platform, url, path, title, referrer, referrer_host, utm_source, utm_medium, utm_campaign,
  utm_term, utm_content, utm_id, click_id_type, click_id, scene, source, medium, channel,
  first_touch, browser, browser_version, os, device_type, ip, is_bot, props, goal, revenue,
  currency, order_id, flags, dictionary_version
) VALUES (
  @site, @id, @event, @ts, @client_ts, @received_at, @anonymous_id, @user_id, @session_id, @session_start,
  @platform, @url, @path, @title, @referrer, @referrer_host, @utm_source, @utm_medium, @utm_campaign,
  @utm_term, @utm_content, @utm_id, @click_id_type, @click_id, @scene, @source, @medium, @channel,
  @first_touch, @browser, @browser_version, @os, @device_type, @ip, @is_bot, @props, @goal, @revenue,
  @currency, @order_id, @flags, @dictionary_version
)
ON CONFLICT (site, id) DO NOTHING
