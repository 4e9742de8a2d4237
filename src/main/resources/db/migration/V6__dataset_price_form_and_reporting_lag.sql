-- Issue 13: datasets store prices as imported (price_form RAW); datasets imported before were winsorised and
-- interpolated at import (CLEANED) and stay usable as they are. The built-in synthetic market was never cleaned.
-- reporting_lag_days: calendar days applied to eps/bvps/pe/pb at import (null = imported before the setting, the
-- fundamentals are as of their row dates); fundamentals_point_in_time: the file was declared point-in-time.
alter table dataset add column price_form varchar(16) default 'CLEANED' not null;
alter table dataset add column reporting_lag_days integer;
alter table dataset add column fundamentals_point_in_time boolean default false not null;
update dataset set price_form = 'RAW', fundamentals_point_in_time = true where kind = 'SYNTHETIC';
alter table dataset add constraint ck_dataset_price_form check (price_form in ('RAW', 'CLEANED'));
